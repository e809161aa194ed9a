import type { Db } from "../../db/client.js";
import type { Clock } from "../../shared/clock.js";
import { userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import {
  checkedTimes,
  offerTimes,
  ofTimes,
  type ProposalSettings,
  type VisitTimeProposalRow,
} from "./visit-proposal.service.js";
import { VisitErrors as E } from "./visit.errors.js";
import { VISIT_BOOKERS } from "./visit.roles.js";
import { checkBooking, lockVisit, unmovable } from "./visit.service.js";

/**
 * "Föreslå nya tider" for a visit already booked (decision 0093): support or the seller offers one to three new times,
 * each one the visit could be moved to (the move's own rules), and the customer's admins answer as they answer a first
 * proposal, by link or in the portal. Nothing moves until they accept: the booking, its reminders and the calendars'
 * event stand. Accepting moves this visit (a new SEQUENCE of the same event), never books a second one.
 */
export async function proposeNewVisitTimes(
  db: Db,
  viewer: Viewer,
  input: { visitId: string; times: Date[]; note?: string | null; expectedVersion: number },
  clock: Clock,
  settings: ProposalSettings,
): Promise<Result<VisitTimeProposalRow>> {
  requireRole(viewer, VISIT_BOOKERS);
  const checked = checkedTimes(input, settings.now);
  if ("errors" in checked) return checked;
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const { visit, agreement } = loaded;
    const stuck = unmovable(visit);
    if (stuck) return stuck;
    if (input.expectedVersion !== visit.version)
      return userError(E.STALE_VERSION, "The visit has changed since you read it; reload and try again.", [
        "input",
        "expectedVersion",
      ]);
    for (const scheduledAt of checked.ok.times) {
      const bad = await checkBooking(tx, agreement, { scheduledAt, technicianId: visit.technicianId });
      if (bad) return ofTimes(bad);
    }
    const offer = {
      propertyId: visit.propertyId,
      technicianId: visit.technicianId,
      ...checked.ok,
      movesVisitId: visit.id,
    };
    return offerTimes(tx, viewer, agreement, offer, settings, visit.scheduledAt);
  });
}
