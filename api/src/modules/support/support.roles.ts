import { CUSTOMER_ROLES, PARTNER_ROLES, VENDOR_ROLES, type Role } from "../../shared/viewer.js";

/** Everyone may ask for help, with or without an agreement: the brochure's "Vi lämnar aldrig en kund". */
export const CASE_OPENERS = [...VENDOR_ROLES, ...PARTNER_ROLES, ...CUSTOMER_ROLES] as const satisfies readonly Role[];
/** The staff side: who answers cases, sets their status, assigns and hands them over (and works a queue). */
export const CASE_HANDLERS = ["ADMIN", "SUPPORT", "PARTNER_ADMIN", "PARTNER_STAFF"] as const satisfies readonly Role[];
/** Who changes the support calendar (a company day, changed hours). */
export const CALENDAR_KEEPERS = ["ADMIN"] as const satisfies readonly Role[];
