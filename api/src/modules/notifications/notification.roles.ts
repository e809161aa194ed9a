import type { Role } from "../../shared/viewer.js";

/**
 * Who is e-mailed about a monitored installation's incidents (issue 20): the customer's admins and
 * the installing partner's admins. Support hears at once through the case queue instead.
 */
export const INCIDENT_MAIL_RECEIVERS = ["CUSTOMER_ADMIN", "PARTNER_ADMIN"] as const satisfies readonly Role[];

/**
 * Who hears that an agreement ends in 90, 60 and 30 days (issue 21): its seller (a SELLER, or an ADMIN who sells), the
 * customer's admins and the signing partner's admins. Vendor staff are mailed only as an agreement's seller.
 */
export const RENEWAL_REMINDER_RECEIVERS = [
  "SELLER",
  "ADMIN",
  "CUSTOMER_ADMIN",
  "PARTNER_ADMIN",
] as const satisfies readonly Role[];
/** The weekly list of what ends within 90 days goes to the seller of those agreements. */
export const RENEWAL_DIGEST_RECEIVERS = ["SELLER", "ADMIN"] as const satisfies readonly Role[];
/** Who is told what ended with the agreement (rentals, hosting, monitoring, booked visits): the customer's admins. */
export const LAPSE_NOTICE_RECEIVERS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];
