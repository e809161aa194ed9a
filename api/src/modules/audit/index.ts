/** The audit module as other modules see it. */
export { AUDITORS } from "./audit.roles.js";
export { AuditEvent } from "./audit.types.js";
export { anonymiseAuditTrail } from "./audit-anonymisation.js";
