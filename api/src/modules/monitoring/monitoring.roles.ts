import { ROLES } from "@trygg/roles";
import type { Role } from "../../shared/viewer.js";

/** Who sees an installation's checks: anyone who sees the property (the tenant scope decides which). */
export const CHECK_VIEWERS = ROLES;
/**
 * Who sets up, changes, pauses checks and rotates their keys: support, the installing partner, and
 * the customer's admin for their own installation (a key is a secret of the installation).
 */
export const CHECK_MANAGERS = [
  "ADMIN",
  "SUPPORT",
  "PARTNER_ADMIN",
  "PARTNER_STAFF",
  "CUSTOMER_ADMIN",
] as const satisfies readonly Role[];
/** The monitoring board across customers is support's. */
export const BOARD_VIEWERS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/**
 * Who plans and ends maintenance windows: support for any installation, the customer's admin for their
 * own (the property scope decides which). Partners ask the customer or support: a window silences alarms.
 */
export const MAINTENANCE_PLANNERS = ["ADMIN", "SUPPORT", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
