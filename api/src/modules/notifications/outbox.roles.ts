import type { Role } from "../../shared/viewer.js";

/** Who may read the e-mail outbox and send a failed mail again: it holds every tenant's mail. */
export const OUTBOX_KEEPERS = ["ADMIN"] as const satisfies readonly Role[];
