import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { actionPlans, agreements, serviceVisits, tailorings, tiers } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import { agreementScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import { type AgreementRecord, effectiveEnd, isValid, selectAgreements } from "../agreements/index.js";
import type { Clock } from "../../shared/clock.js";
import { visitDueForBooking } from "./visit-booking-due.js";
import { matchVisits, proposedVisitDates } from "./visit-proposals.js";
import { visitDay } from "./visit.service.js";

export interface VisitToBook {
  agreement: AgreementRecord;
  proposedOn: IsoDate;
}

/**
 * The annual visits due for booking on the agreements the viewer sees (a seller: his own), earliest
 * first. Valid agreements of a tier with the visit and an agreed end date only: the others have
 * nothing proposed, and a visit cannot be booked on an agreement that is not valid. Three queries
 * whatever the number of agreements.
 */
export async function visitsToBook(db: DbOrTx, viewer: Viewer, clock: Clock): Promise<VisitToBook[]> {
  const withVisit = sql`${agreements.tier} in (select ${tiers.code} from ${tiers} where ${tiers.annualVisit})`;
  const planned = await db
    .select({ agreementId: tailorings.agreementId, endOn: actionPlans.endOn })
    .from(actionPlans)
    .innerJoin(tailorings, eq(tailorings.id, actionPlans.tailoringId))
    .innerJoin(agreements, eq(agreements.id, tailorings.agreementId))
    .where(and(agreementScope(viewer), withVisit, isNotNull(actionPlans.endOn)));
  if (planned.length === 0) return [];
  const endOn = new Map(planned.map((p) => [p.agreementId, p.endOn!]));
  const records = (await selectAgreements(db, inArray(agreements.id, [...endOn.keys()]), clock)).filter((a) =>
    isValid(a.status),
  );
  if (records.length === 0) return [];
  const visits = await db
    .select({ id: serviceVisits.id, agreementId: serviceVisits.agreementId, scheduledAt: serviceVisits.scheduledAt })
    .from(serviceVisits)
    .where(
      and(
        inArray(
          serviceVisits.agreementId,
          records.map((a) => a.id),
        ),
        isNull(serviceVisits.cancelledAt),
      ),
    );
  const due = records.flatMap((agreement) => {
    const own = visits.filter((v) => v.agreementId === agreement.id).map((v) => ({ id: v.id, on: visitDay(v) }));
    const next = visitDueForBooking(
      matchVisits(proposedVisitDates(endOn.get(agreement.id)!, effectiveEnd(agreement)), own),
      clock.today,
    );
    return next ? [{ agreement, proposedOn: next.proposedOn }] : [];
  });
  return due.sort(
    (a, b) => a.proposedOn.localeCompare(b.proposedOn) || a.agreement.number.localeCompare(b.agreement.number),
  );
}
