import type { Role } from "../../shared/viewer.js";

/** Who may publish a product release. */
export const PUBLISHERS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/** Who may record the version installed at a property. */
export const INSTALLERS = [
  "ADMIN",
  "SUPPORT",
  "SELLER",
  "PARTNER_ADMIN",
  "PARTNER_STAFF",
] as const satisfies readonly Role[];
