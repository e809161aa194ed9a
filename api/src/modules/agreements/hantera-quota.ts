import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { hanteraAccounts, licenceRentals, tiers } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import {
  agreementNotFound,
  bumpVersion,
  lockAgreement,
  type AgreementRecord,
  type HanteraAccountRow,
  type LicenceRentalRow,
} from "./agreement-records.js";
import { isValid } from "./agreement-status.js";
import { AgreementErrors as E } from "./agreement.errors.js";
import type { AgreementLoaders } from "./agreement.loaders.js";
import { BENEFIT_ACTORS } from "./agreement.roles.js";
import { rentalIsActive } from "./licence-rentals.js";
import { trimOverQuotaFlags } from "./over-quota-flags.js";

export interface HanteraQuotaParts {
  quota: number;
  included: number;
  rented: number;
  used: number;
}

/** Quota = the tier's included accounts (a row of the tiers table) + active rented Hantera licences. */
export function quotaFrom(
  tier: { includedHanteraAccounts: number } | undefined,
  rentals: readonly LicenceRentalRow[],
  accounts: readonly HanteraAccountRow[],
  today: IsoDate,
): HanteraQuotaParts {
  const included = tier?.includedHanteraAccounts ?? 0;
  const rented = rentals
    .filter((r) => r.kind === "HANTERA" && rentalIsActive(r, today))
    .reduce((n, r) => n + r.quantity, 0);
  const used = accounts.filter((a) => !a.deactivatedAt).length;
  return { quota: included + rented, included, rented, used };
}

/** The quota of a listed agreement, through the request's loaders. */
export async function loadHanteraQuota(
  loaders: AgreementLoaders,
  agreement: AgreementRecord,
  today: IsoDate,
): Promise<HanteraQuotaParts> {
  const [allTiers, rentals, accounts] = await Promise.all([
    loaders.tiers(),
    loaders.licenceRentals.load(agreement.id),
    loaders.hanteraAccounts.load(agreement.id),
  ]);
  return quotaFrom(
    allTiers.find((t) => t.code === agreement.tier),
    rentals,
    accounts,
    today,
  );
}

/** The quota inside a transaction that holds the agreement's row lock, so the count is exact. */
export async function hanteraQuota(db: DbOrTx, agreement: AgreementRecord, today: IsoDate): Promise<HanteraQuotaParts> {
  const [tier] = await db.select().from(tiers).where(eq(tiers.code, agreement.tier));
  const [rentals, accounts] = await Promise.all([
    db.select().from(licenceRentals).where(eq(licenceRentals.agreementId, agreement.id)),
    db
      .select()
      .from(hanteraAccounts)
      .where(eq(hanteraAccounts.agreementId, agreement.id))
      .orderBy(asc(hanteraAccounts.createdAt)),
  ]);
  return quotaFrom(tier, rentals, accounts, today);
}

export async function createHanteraAccount(
  db: Db,
  viewer: Viewer,
  input: { agreementId: string; name: string; email: string },
  clock: Clock,
) {
  requireRole(viewer, BENEFIT_ACTORS);
  return mutate(db, async (tx): Promise<Result<HanteraAccountRow>> => {
    // The row lock makes concurrent creations wait for each other, so the count below is exact.
    // And the agreement first: another tenant's answers as a missing one, whatever the input.
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return agreementNotFound();
    const name = input.name.trim();
    const email = input.email.trim().toLowerCase();
    if (!name) return userError(E.INVALID_INPUT, "Give the account holder's name.", ["input", "name"]);
    if (!isValid(a.status))
      return userError(
        E.AGREEMENT_NOT_ACTIVE,
        `Agreement ${a.number} is ${a.status.toLowerCase()}; Hantera accounts need a valid agreement.`,
      );
    const q = await hanteraQuota(tx, a, clock.today);
    if (q.used >= q.quota) {
      return userError(
        E.HANTERA_QUOTA_REACHED,
        `All ${q.quota} Hantera accounts of the agreement are in use (${q.included} included in the tier, ${q.rented} rented). Deactivate one or rent more Hantera licences.`,
      );
    }
    const [existing] = await tx
      .select({ id: hanteraAccounts.id })
      .from(hanteraAccounts)
      .where(
        and(
          eq(hanteraAccounts.agreementId, a.id),
          eq(hanteraAccounts.email, email),
          isNull(hanteraAccounts.deactivatedAt),
        ),
      );
    if (existing)
      return userError(E.HANTERA_ACCOUNT_EXISTS, `${email} already has an active Hantera account on this agreement.`, [
        "input",
        "email",
      ]);
    const [row] = await tx.insert(hanteraAccounts).values({ agreementId: a.id, name, email }).returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "hanteraAccount.create",
      objectType: "HanteraAccount",
      objectId: row!.id,
      organisationId: a.customerId,
      details: { agreementId: a.id, name, email },
    });
    return ok(row!);
  });
}

export async function deactivateHanteraAccount(
  db: Db,
  viewer: Viewer,
  input: { hanteraAccountId: string },
  clock: Clock,
) {
  requireRole(viewer, BENEFIT_ACTORS);
  return mutate(db, async (tx): Promise<Result<HanteraAccountRow>> => {
    const [account] = await tx.select().from(hanteraAccounts).where(eq(hanteraAccounts.id, input.hanteraAccountId));
    const a = account && (await lockAgreement(tx, viewer, account.agreementId, clock));
    if (!account || !a) return userError(E.NOT_FOUND, "No such Hantera account.", ["input", "hanteraAccountId"]);
    if (account.deactivatedAt)
      return userError(E.ALREADY_DEACTIVATED, "The account is already deactivated.", ["input", "hanteraAccountId"]);
    const [row] = await tx
      .update(hanteraAccounts)
      .set({ deactivatedAt: new Date(), overQuotaSince: null })
      .where(eq(hanteraAccounts.id, account.id))
      .returning();
    await trimOverQuotaFlags(tx, a);
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "hanteraAccount.deactivate",
      objectType: "HanteraAccount",
      objectId: account.id,
      organisationId: a.customerId,
      details: { agreementId: a.id, email: account.email },
    });
    return ok(row!);
  });
}
