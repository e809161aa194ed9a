export * from "./parties.js";
export * from "./access.js";
export * from "./audit.js";
export * from "./agreements.js";
export * from "./tailoring.js";
export * from "./notifications.js";
export * from "./visits.js";
