import type { Role, Viewer } from "../../shared/viewer.js";
import { PRIORITY_CONFIRMERS, VENDOR_SIDE } from "@trygg/roles";
/** Read by the portal too, so they live in @trygg/roles (decision 0107). */
export { VENDOR_SIDE, PRIORITY_CONFIRMERS };

/**
 * Who may do what in a tailoring: the one list behind `@Authorized(...)`, the services' role checks
 * and the `viewerCan…` fields of Tailoring.
 */
/** Step 1: ask for (or start) a review. */
export const TAILORING_REQUESTERS = ["ADMIN", "SELLER", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Steps 3–5: items, order, end date, progress. */
export const PLAN_WRITERS = ["ADMIN", "SELLER", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];

/** The two sides of a tailoring; the GraphQL enum Party is made from this list. */
export const TAILORING_PARTIES = ["VENDOR", "CUSTOMER"] as const;
export type TailoringParty = (typeof TAILORING_PARTIES)[number];

/** The side of the tailoring a viewer speaks for when agreeing the end date; null for read-only roles. */
export function partyOf(viewer: Pick<Viewer, "role">): TailoringParty | null {
  if ((VENDOR_SIDE as readonly Role[]).includes(viewer.role)) return "VENDOR";
  if ((PRIORITY_CONFIRMERS as readonly Role[]).includes(viewer.role)) return "CUSTOMER";
  return null;
}

/** Progress (status) on the action items their organisation owns, on agreements it signed. */
export const PARTNER_PROGRESS_REPORTERS = ["PARTNER_ADMIN", "PARTNER_STAFF"] as const satisfies readonly Role[];
/** Everyone who may call updateActionItem at all; what each may change is decided per item. */
export const ACTION_ITEM_UPDATERS = [...PLAN_WRITERS, ...PARTNER_PROGRESS_REPORTERS] as const satisfies readonly Role[];
