import type { Role } from "../../shared/viewer.js";

/** Who may register organisations (sellers: customers only, see party.service.ts). */
export const ORGANISATION_REGISTRARS = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/** Who may create users (outside the vendor: in their own organisation only). */
export const USER_CREATORS = ["ADMIN", "PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Who may register properties (customer admins: their own only). */
export const PROPERTY_REGISTRARS = ["ADMIN", "SELLER", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
