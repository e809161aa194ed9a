import { ROLES } from "@trygg/roles";
import type { Role } from "../../shared/viewer.js";

/** Who reads a customer's hosting records: anyone who sees the customer (the tenant scope decides which). */
export const HOSTING_VIEWERS = ROLES;
/** The vendor runs the hosting, so only its technical staff record restores and updates. */
export const HOSTING_OPERATORS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/** The list of outdated hosted services across customers is support's, like the monitoring board. */
export const OUTDATED_VIEWERS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
