import type { Role } from "../../shared/viewer.js";

/**
 * Who may do what to an agreement: the one list behind `@Authorized(...)`, the services' role
 * checks and the `viewerCan…` fields the portal reads, so the three cannot disagree.
 */
/** Create, activate, renew and terminate agreements. */
export const AGREEMENT_MANAGERS = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/** The seller named on an agreement holds this role; a seller who creates one is its seller. */
export const SELLERS = ["SELLER"] as const satisfies readonly Role[];
/** Use the tier's benefits: Hantera accounts and licence rentals. */
export const BENEFIT_ACTORS = [
  "ADMIN",
  "SELLER",
  "PARTNER_ADMIN",
  "PARTNER_STAFF",
  "CUSTOMER_ADMIN",
] as const satisfies readonly Role[];
/** Cancel hosting and monitoring. */
export const ADD_ON_ACTORS = ["ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF"] as const satisfies readonly Role[];
/** Order hosting and monitoring: the customer's admin too, at list price after seeing the monthly cost. */
export const ADD_ON_ORDERERS = [...ADD_ON_ACTORS, "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
