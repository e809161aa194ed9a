import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { agreements } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import { toGlobalId } from "../../shared/ids.js";
import { emitWebhookEvent } from "../webhooks/index.js";
import type { AgreementRecord } from "./agreement-records.js";
import { effectiveEndDateSql, firstStartSql } from "./agreement-status.js";

export type AgreementChange = "CREATED" | "ACTIVATED" | "RENEWED" | "TERMINATED" | "EXPIRING" | "LAPSED";

/**
 * Tells the agreement's partner (webhook `agreement.status_changed`) of a change to its lifecycle, in the change's
 * transaction. Sent for every lifecycle step, also one that leaves the derived status as it was (a termination
 * from a later date), because the partner's system acts on the step.
 */
export async function tellPartnerOfAgreement(
  tx: Tx,
  before: AgreementRecord | null,
  after: AgreementRecord,
  change: AgreementChange,
): Promise<void> {
  await emitWebhookEvent(tx, "AGREEMENT_STATUS_CHANGED", [after.partnerId], {
    agreement: {
      id: toGlobalId("Agreement", after.id),
      number: after.number,
      customerId: toGlobalId("Organisation", after.customerId),
      status: after.status,
      startsOn: after.startsOn,
      endsOn: after.endsOn,
      terminatedOn: after.terminatedOn,
    },
    previousStatus: before?.status ?? null,
    change,
  });
}

/** The lapse job's end of an agreement (its last period ran out, or a termination took effect). */
export async function tellPartnerOfLapse(
  tx: Tx,
  agreementId: string,
  endedOn: IsoDate,
  cause: "EXPIRED" | "TERMINATED",
) {
  const [a] = await tx
    .select({ number: agreements.number, customerId: agreements.customerId, partnerId: agreements.partnerId })
    .from(agreements)
    .where(eq(agreements.id, agreementId));
  if (!a?.partnerId) return;
  await emitWebhookEvent(tx, "AGREEMENT_STATUS_CHANGED", [a.partnerId], {
    agreement: {
      id: toGlobalId("Agreement", agreementId),
      number: a.number,
      customerId: toGlobalId("Organisation", a.customerId),
      status: cause,
      endedOn,
    },
    previousStatus: null,
    change: "LAPSED" satisfies AgreementChange,
  });
}

/**
 * The calendar's own change: agreements came into their expiring window (ACTIVE → EXPIRING) with nothing written.
 * Sent once per agreement and end by the renewal pass (renewals/expiry-notice-job.ts), in its transaction.
 */
export async function tellPartnersOfExpiry(tx: Tx, agreementIds: readonly string[]): Promise<number> {
  if (agreementIds.length === 0) return 0;
  const told = await tx
    .select({
      id: agreements.id,
      number: agreements.number,
      customerId: agreements.customerId,
      partnerId: agreements.partnerId,
      startsOn: firstStartSql,
      endsOn: sql<IsoDate>`${effectiveEndDateSql}::text`,
      terminatedOn: agreements.terminatedOn,
    })
    .from(agreements)
    .where(inArray(agreements.id, [...agreementIds]));
  for (const a of told) {
    if (!a.partnerId) continue;
    await emitWebhookEvent(tx, "AGREEMENT_STATUS_CHANGED", [a.partnerId], {
      agreement: {
        id: toGlobalId("Agreement", a.id),
        number: a.number,
        customerId: toGlobalId("Organisation", a.customerId),
        status: "EXPIRING",
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        terminatedOn: a.terminatedOn,
      },
      // The calendar keeps no record of the status before, as for a lapse; it was ACTIVE unless the agreement began
      // inside its window, which its ACTIVATED or RENEWED event already said.
      previousStatus: null,
      change: "EXPIRING" satisfies AgreementChange,
    });
  }
  return told.length;
}
