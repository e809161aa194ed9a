import type { Role } from "~/graphql/graphql";

/**
 * Who sees what in the portal, by role: the one file in the portal that names a role. Each list has
 * the name and the members of the API's list that decides the same thing (api/src/**\/*.roles.ts,
 * shared/viewer.ts); the API still refuses whatever these show by mistake, and a test
 * (api/src/portal-roles.test.ts) fails when a list here and its namesake there differ.
 */

export const VENDOR_ROLES: readonly Role[] = ["ADMIN", "SELLER", "SUPPORT"];
export const PARTNER_ROLES: readonly Role[] = ["PARTNER_ADMIN", "PARTNER_STAFF"];
export const CUSTOMER_ROLES: readonly Role[] = ["CUSTOMER_ADMIN", "CUSTOMER_MEMBER"];

/** Agreements and their sales side: the seller's and the vendor admin's dashboard. */
export const AGREEMENT_MANAGERS: readonly Role[] = ["ADMIN", "SELLER"];
/** The vendor's sellers, the ones an agreement can name as its seller. */
export const SELLERS: readonly Role[] = ["SELLER"];
/** The vendor's side of a tailoring. */
export const VENDOR_SIDE: readonly Role[] = ["ADMIN", "SELLER"];
/** The customer's side of a tailoring: who confirms the order of the plan. */
export const PRIORITY_CONFIRMERS: readonly Role[] = ["CUSTOMER_ADMIN"];

/** The vendor's support: its dashboard and the case's assignable colleagues. */
export const VENDOR_CASE_HANDLERS: readonly Role[] = ["ADMIN", "SUPPORT"];
/** Everyone who answers cases, the vendor's and the installers'. */
export const CASE_HANDLERS: readonly Role[] = ["ADMIN", "SUPPORT", "PARTNER_ADMIN", "PARTNER_STAFF"];

/** Book and move a visit. */
export const VISIT_BOOKERS: readonly Role[] = ["ADMIN", "SELLER", "SUPPORT"];
/** The vendor's technicians: record the checks and correct the protocol. */
export const TECHNICIANS: readonly Role[] = ["ADMIN", "SUPPORT"];
/** Mail the protocol to the customer and the partner. */
export const PROTOCOL_SENDERS: readonly Role[] = ["ADMIN", "SUPPORT", "SELLER"];
/** Answer proposed visit times. */
export const VISIT_TIME_ANSWERERS: readonly Role[] = ["CUSTOMER_ADMIN"];

/** Hand their own organisation over to a new board. */
export const HANDOVER_STARTERS: readonly Role[] = ["PARTNER_ADMIN", "CUSTOMER_ADMIN"];
/** Recover a board that lost its admins. */
export const BOARD_RECOVERERS: readonly Role[] = ["ADMIN"];
/** Invite and manage the users of every organisation, not only their own. */
export const USER_CREATORS_ANYWHERE: readonly Role[] = ["ADMIN"];
/** Deactivate an organisation. */
export const ORGANISATION_DEACTIVATORS: readonly Role[] = ["ADMIN"];
/** Bring a deactivated organisation back. */
export const ORGANISATION_REACTIVATORS: readonly Role[] = ["ADMIN"];

/** The role a new user gets when the form names none: the least a customer's user can have. */
export const LEAST_CUSTOMER_ROLE: Role = "CUSTOMER_MEMBER";

/** Whether `role` is one of `roles`; a missing viewer is in none. */
export const isOneOf = (role: Role | null | undefined, roles: readonly Role[]): boolean =>
  role != null && roles.includes(role);
