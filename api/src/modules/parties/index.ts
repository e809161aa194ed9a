/** The parties module as other modules see it: organisations, users, properties and tiers. */
export { Actor, actorOf } from "./actor.js";
export { USER_CREATORS } from "./party.roles.js";
export { findOrganisation, findProperty, findUser } from "./party.service.js";
export { Organisation, OrganisationKind, Property, Tier, TierCode, User } from "./party.types.js";
