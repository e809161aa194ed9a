import type { Role } from "../../shared/viewer.js";

/** Who registers and looks after the organisation's webhook endpoints, and is mailed when one is disabled. */
export const WEBHOOK_MANAGERS = ["PARTNER_ADMIN"] as const satisfies readonly Role[];
