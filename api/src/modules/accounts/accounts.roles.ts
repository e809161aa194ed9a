import type { OrganisationKind, Role } from "../../shared/viewer.js";
/** Read by the portal too, so they live in @trygg/roles (decision 0107). */
export { HANDOVER_STARTERS, BOARD_RECOVERERS } from "@trygg/roles";

/** The admin role a successor gets in each kind of organisation a board hands over (the vendor has none). */
export const SUCCESSOR_ROLE: Partial<Record<OrganisationKind, Role>> = {
  CUSTOMER: "CUSTOMER_ADMIN",
  PARTNER: "PARTNER_ADMIN",
};
