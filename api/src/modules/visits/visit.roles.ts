import { CUSTOMER_ROLES, type Role } from "../../shared/viewer.js";
/** Read by the portal too, so they live in @trygg/roles (decision 0107). */
export { VISIT_BOOKERS, TECHNICIANS, PROTOCOL_SENDERS, VISIT_TIME_ANSWERERS } from "@trygg/roles";

/**
 * Who may do what with the annual support visit: the one list behind `@Authorized(...)` and the
 * services' role checks, so the two cannot disagree.
 */
/** Acknowledge a protocol in the portal: the customer's users. */
export const PROTOCOL_ACKNOWLEDGERS = CUSTOMER_ROLES;
/** Who receives protocols and reminders: the customer's admins, and the partner's (the signatory's). */
export const CUSTOMER_RECIPIENTS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];
export const PARTNER_RECIPIENTS = ["PARTNER_ADMIN"] as const satisfies readonly Role[];
