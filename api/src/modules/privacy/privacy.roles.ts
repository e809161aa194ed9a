import type { Role } from "../../shared/viewer.js";

/**
 * Who may download another user's personal data (decision 0086): vendor admins anyone's, a partner's or customer's
 * admin their own organisation's users — the admins who manage those users. Everyone may download their own.
 */
export const PERSONAL_DATA_KEEPERS = ["ADMIN", "PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
