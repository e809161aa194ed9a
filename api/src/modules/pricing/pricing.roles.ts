import type { Role } from "../../shared/viewer.js";

/** Keep the price list: set a new price from a date. */
export const PRICE_LIST_KEEPERS = ["ADMIN"] as const satisfies readonly Role[];
/** Agree a price other than the list price on an order, with a reason. Everyone else orders at list price. */
export const PRICE_NEGOTIATORS = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
