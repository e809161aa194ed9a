import type { Role } from "../../shared/viewer.js";

/** Who may read the whole audit trail. */
export const AUDITORS = ["ADMIN"] as const satisfies readonly Role[];
