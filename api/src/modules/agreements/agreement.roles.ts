import type { Role } from "../../shared/viewer.js";

/**
 * Who may do what to an agreement: the one list behind `@Authorized(...)`, the services' role
 * checks and the `viewerCan…` fields the portal reads, so the three cannot disagree.
 */
/** Read by the portal too, so they live in @trygg/roles (decision 0107). */
export { AGREEMENT_MANAGERS, SELLERS } from "@trygg/roles";
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
