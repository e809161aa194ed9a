import type { Role } from "../../shared/viewer.js";

/** Who may list, create and revoke API tokens (partner admins: their organisation's). */
export const TOKEN_MANAGERS = ["ADMIN", "PARTNER_ADMIN"] as const satisfies readonly Role[];
