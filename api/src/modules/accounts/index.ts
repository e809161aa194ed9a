/** The accounts module as other modules see it: invitations by node id. */
export { findInvitation } from "./invitation.service.js";
export { Invitation } from "./accounts.types.js";
