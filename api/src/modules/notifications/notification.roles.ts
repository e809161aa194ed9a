import type { Role } from "../../shared/viewer.js";

/**
 * Who is e-mailed about a monitored installation's incidents (issue 20): the customer's admins and
 * the installing partner's admins. Support hears at once through the case queue instead.
 */
export const INCIDENT_MAIL_RECEIVERS = ["CUSTOMER_ADMIN", "PARTNER_ADMIN"] as const satisfies readonly Role[];
