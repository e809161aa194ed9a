import type { OrganisationKind, Role } from "../../shared/viewer.js";

/** Who may hand their own organisation's account over to a new board (decision 0072). */
export const HANDOVER_STARTERS = ["PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Who may recover a board left without a reachable admin: the vendor's admins, always with a reason. */
export const BOARD_RECOVERERS = ["ADMIN"] as const satisfies readonly Role[];
/** The admin role a successor gets in each kind of organisation a board hands over (the vendor has none). */
export const SUCCESSOR_ROLE: Partial<Record<OrganisationKind, Role>> = {
  CUSTOMER: "CUSTOMER_ADMIN",
  PARTNER: "PARTNER_ADMIN",
};
