import { CUSTOMER_ROLES, PARTNER_ROLES, VENDOR_ROLES, type Role } from "../../shared/viewer.js";

/** Everyone may ask for help, with or without an agreement: the brochure's "Vi lämnar aldrig en kund". */
export const CASE_OPENERS = [...VENDOR_ROLES, ...PARTNER_ROLES, ...CUSTOMER_ROLES] as const satisfies readonly Role[];
/** The vendor's support staff: answer the cases routed to the vendor, and may be assigned one. */
export const VENDOR_CASE_HANDLERS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/** The installer's staff: answer the cases routed to their partner, and may be assigned one. */
export const PARTNER_CASE_HANDLERS = ["PARTNER_ADMIN", "PARTNER_STAFF"] as const satisfies readonly Role[];
/** The staff side: who answers cases, sets their status, assigns and hands them over (and works a queue). */
export const CASE_HANDLERS = [...VENDOR_CASE_HANDLERS, ...PARTNER_CASE_HANDLERS] as const satisfies readonly Role[];
/**
 * Who at the vendor is told of a case routed there that nobody is assigned: its support staff (admins are not mailed).
 */
export const VENDOR_CASE_TEAM = ["SUPPORT"] as const satisfies readonly Role[];
/** Who changes the support calendar (a company day, changed hours). */
export const CALENDAR_KEEPERS = ["ADMIN"] as const satisfies readonly Role[];
