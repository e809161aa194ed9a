/** The parties module as other modules see it: organisations, users, properties and tiers. */
export { Actor, actorOf, readerLanguage } from "./actor.js";
export { PartyErrors } from "./party.errors.js";
export {
  ORGANISATION_ADMINS,
  INVITERS,
  CUSTOMER_USER_INVITERS,
  ORGANISATION_REGISTRARS,
  REGISTRARS_OF_ANY_KIND,
  USER_CREATORS,
} from "./party.roles.js";
export {
  createOrganisation,
  findOrganisation,
  findProperty,
  findUser,
  registerCustomerFromRequest,
} from "./party.service.js";
export { passwordProblem } from "./password-strength.js";
export { invitationReach, mayInviteUserIn } from "./user-invitation-reach.js";
export { deactivateLeavingBoard } from "./board-leave.js";
export { closeOrganisation, reopenOrganisation } from "./organisation-closing.js";
export { anonymiseUserRecord, FORMER_USER_NAME, formerUserEmail, nameFor } from "./user-anonymisation.js";
export {
  activeUsersOf,
  addInvitedUser,
  emailInUse,
  findActiveUserByEmail,
  setUserLanguage,
  setUserPassword,
  userWithKind,
} from "./user-accounts.js";
export { Language, Organisation, OrganisationKind, Property, Role, Tier, TierCode, User } from "./party.types.js";
export { deactivatedCustomer } from "./deactivated-customer.js";
