import type { Role } from "../../shared/viewer.js";

/** Who may list, create and revoke API tokens (partner admins: their organisation's). */
export const TOKEN_MANAGERS = ["ADMIN", "PARTNER_ADMIN"] as const satisfies readonly Role[];
/** Who sees every organisation's API tokens; the other token managers see their own organisation's. */
export const TOKEN_MANAGERS_OF_EVERY_TENANT = ["ADMIN"] as const satisfies readonly Role[];
/** Who may see the accounts locked out by the log-in limits and let them try again: every tenant's users. */
export const LOCKOUT_KEEPERS = ["ADMIN"] as const satisfies readonly Role[];
