export * from "./parties.js";
export * from "./tiers.js";
export * from "./access.js";
export * from "./audit.js";
export * from "./agreements.js";
export * from "./releases.js";
export * from "./tailoring.js";
export * from "./notifications.js";
