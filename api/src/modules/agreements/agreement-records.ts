import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import {
  addOns,
  agreementPeriods,
  agreements,
  hanteraAccounts,
  licenceRentals,
  type organisations,
  type tiers,
} from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { userError } from "../../shared/errors.js";
import { agreementScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import { agreementStatus, firstStartSql, lastEndSql, type AgreementStatus } from "./agreement-status.js";
import { AgreementErrors as E } from "./agreement.errors.js";

export type AgreementRow = typeof agreements.$inferSelect;
export type PeriodRow = typeof agreementPeriods.$inferSelect;
export type HanteraAccountRow = typeof hanteraAccounts.$inferSelect;
export type LicenceRentalRow = typeof licenceRentals.$inferSelect;
export type AddOnRow = typeof addOns.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type TierRow = typeof tiers.$inferSelect;
export type TierCode = AgreementRow["tier"];
export type LicenceKind = LicenceRentalRow["kind"];
export type AddOnKind = AddOnRow["kind"];

/** An agreement with what is derived from its periods. */
export interface AgreementRecord extends AgreementRow {
  startsOn: IsoDate;
  endsOn: IsoDate;
  status: AgreementStatus;
}

/** An agreement as a list reads it: with its customer and its tier, from the same statement. */
export interface ListedAgreement extends AgreementRecord {
  customerRow: OrganisationRow;
  tierRow: TierRow;
}

/** The columns every agreement query selects, so that toRecord() can derive the rest. */
export const recordColumns = { agreement: agreements, startsOn: firstStartSql, endsOn: lastEndSql };

export function toRecord(
  row: { agreement: AgreementRow; startsOn: string; endsOn: string },
  clock: Clock,
): AgreementRecord {
  const record = { ...row.agreement, startsOn: row.startsOn, endsOn: row.endsOn };
  return { ...record, status: agreementStatus(record, clock.today, clock.windowDays) };
}

export async function selectAgreements(db: DbOrTx, where: SQL | undefined, clock: Clock): Promise<AgreementRecord[]> {
  const rows = await db.select(recordColumns).from(agreements).where(where);
  return rows.map((r) => toRecord(r, clock));
}

/**
 * Loads and locks the agreement for a change. The row lock serialises concurrent changes to one
 * agreement, so counts and versions checked after it are exact.
 */
/** Locks and reads an agreement the viewer may see; a null viewer is the system (a job), which sees every one. */
export async function lockAgreement(
  tx: Tx,
  viewer: Viewer | null,
  id: string,
  clock: Clock,
): Promise<AgreementRecord | null> {
  const where = and(viewer ? agreementScope(viewer) : undefined, eq(agreements.id, id));
  const [locked] = await tx.select({ id: agreements.id }).from(agreements).where(where).for("update");
  if (!locked) return null;
  // Read after the lock, in a statement of its own: a statement that waited for the lock still sees
  // the periods as they were when it started, so two renewals would both start from the old end.
  const [row] = await selectAgreements(tx, eq(agreements.id, locked.id), clock);
  return row ?? null;
}

/** Every change to an agreement or its parts bumps its version, for optimistic checks by the caller. */
export async function bumpVersion(tx: Tx, id: string): Promise<void> {
  await tx
    .update(agreements)
    .set({ version: sql`${agreements.version} + 1` })
    .where(eq(agreements.id, id));
}

export function agreementNotFound() {
  return userError(E.NOT_FOUND, "No such agreement.", ["input", "agreementId"]);
}

export function staleVersion(expected: number | null | undefined, record: AgreementRecord) {
  if (expected != null && expected !== record.version) {
    return userError(
      E.STALE_VERSION,
      `Someone else changed the agreement meanwhile (version ${record.version}, you had ${expected}). Reload and try again.`,
      ["input", "expectedVersion"],
    );
  }
  return null;
}
