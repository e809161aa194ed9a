/** The accounts module as other modules see it: invitations by node id, and the yearly board check job. */
export { findInvitation } from "./invitation.service.js";
export { Invitation } from "./accounts.types.js";
export { startBoardChecks } from "./board-checks.js";
export { clearExpiredRequestCounters } from "./reset-throttle.js";
export { revokeOpenInvitations } from "./organisation-invitations.js";
export { anonymiseAccountTraces } from "./account-anonymisation.js";
