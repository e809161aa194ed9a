import { CUSTOMER_ROLES, PARTNER_ROLES, VENDOR_ROLES, type Role } from "../../shared/viewer.js";
/** Read by the portal too, so they live in @trygg/roles (decision 0107). */
export { VENDOR_CASE_HANDLERS, PARTNER_CASE_HANDLERS, CASE_HANDLERS } from "@trygg/roles";

/** Everyone may ask for help, with or without an agreement: the brochure's "Vi lämnar aldrig en kund". */
export const CASE_OPENERS = [...VENDOR_ROLES, ...PARTNER_ROLES, ...CUSTOMER_ROLES] as const satisfies readonly Role[];
/**
 * Who at the vendor is told of a case routed there that nobody is assigned: its support staff (admins are not mailed).
 */
export const VENDOR_CASE_TEAM = ["SUPPORT"] as const satisfies readonly Role[];
/** Who changes the support calendar (a company day, changed hours). */
export const CALENDAR_KEEPERS = ["ADMIN"] as const satisfies readonly Role[];
