import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { hanteraAccounts, tiers } from "../../db/schema/index.js";
import type { TierCode } from "./agreement-records.js";

/**
 * After a lapse the newest accounts above the tier's included number are flagged (agreement-lapse.ts), and the
 * customer chooses which stay by deactivating any active account, flagged or not. Only as many stay flagged as are
 * still above the included number: the newest of those flagged, as the lapse flagged the newest. Without this, an
 * included account deactivated in a flagged one's place left both flagged, and the count above the quota wrong.
 */
export async function trimOverQuotaFlags(tx: Tx, agreement: { id: string; tier: TierCode }): Promise<void> {
  const [tier] = await tx
    .select({ included: tiers.includedHanteraAccounts })
    .from(tiers)
    .where(eq(tiers.code, agreement.tier));
  const active = await tx
    .select({ id: hanteraAccounts.id, overQuotaSince: hanteraAccounts.overQuotaSince })
    .from(hanteraAccounts)
    .where(and(eq(hanteraAccounts.agreementId, agreement.id), isNull(hanteraAccounts.deactivatedAt)))
    .orderBy(asc(hanteraAccounts.createdAt), asc(hanteraAccounts.id));
  const flagged = active.filter((a) => a.overQuotaSince);
  const above = Math.max(0, active.length - (tier?.included ?? 0));
  const cleared = flagged.slice(0, Math.max(0, flagged.length - above));
  if (cleared.length)
    await tx
      .update(hanteraAccounts)
      .set({ overQuotaSince: null })
      .where(
        inArray(
          hanteraAccounts.id,
          cleared.map((a) => a.id),
        ),
      );
}
