import { and, sql, type SQL } from "drizzle-orm";
import { supportCases } from "../../db/schema/index.js";
import type { Viewer } from "../../shared/viewer.js";

/**
 * A deadline view's ranges as a partner sees them (decision 0106). A partner's scope is two conditions on two
 * columns (the cases routed to it, and those it opened for its customers: `supportCaseScope`), so no one index gives
 * its cases in the queue's order; read as one condition, a page walks everyone's cases of the view until it has its
 * own. Split in two disjoint ranges — routed to it, and opened by it but not routed to it — each range of the view
 * is a range of the partner's own index (support_cases_partner_running_idx, support_cases_opener_running_idx), and
 * the page merges them in order. Written with literals where the indexes' predicates name them.
 */
export function partnerRanges(viewer: Viewer, ranges: readonly SQL[]): readonly SQL[] {
  if (viewer.organisationKind !== "PARTNER") return ranges;
  const routed = sql`(${supportCases.partnerId} = ${viewer.organisationId} and ${supportCases.routedTo} = 'PARTNER')`;
  const opened = sql`${supportCases.openedByOrganisationId} = ${viewer.organisationId} and ${routed} is not true`;
  return ranges.flatMap((r) => [and(r, routed)!, and(r, opened)!]);
}
