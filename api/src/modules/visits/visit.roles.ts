import { CUSTOMER_ROLES, type Role } from "../../shared/viewer.js";

/**
 * Who may do what with the annual support visit: the one list behind `@Authorized(...)` and the
 * services' role checks, so the two cannot disagree.
 */
/** Book and move a visit. */
export const VISIT_BOOKERS = ["ADMIN", "SELLER", "SUPPORT"] as const satisfies readonly Role[];
/**
 * The vendor's technicians: record the checks, complete, correct and have the protocol signed; the one booked holds one
 * of these.
 */
export const TECHNICIANS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/** Acknowledge a protocol in the portal: the customer's users. */
export const PROTOCOL_ACKNOWLEDGERS = CUSTOMER_ROLES;
/** E-mail the protocol to the customer and the partner. */
export const PROTOCOL_SENDERS = ["ADMIN", "SUPPORT", "SELLER"] as const satisfies readonly Role[];
/** Who receives protocols and reminders: the customer's admins, and the partner's (the signatory's). */
export const CUSTOMER_RECIPIENTS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];
export const PARTNER_RECIPIENTS = ["PARTNER_ADMIN"] as const satisfies readonly Role[];
/** Accept a proposed visit time, or ask for others: the customer's admins (in the portal or by the mail's link). */
export const VISIT_TIME_ANSWERERS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];
