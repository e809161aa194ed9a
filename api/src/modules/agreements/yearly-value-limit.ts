import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { licenceRentals } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import { userError } from "../../shared/errors.js";
import { baseFeeOn } from "../pricing/index.js";
import { AgreementErrors as E } from "./agreement.errors.js";
import type { AgreementRecord } from "./agreement-records.js";
import { yearOf } from "./agreement-year.js";

/** The most öre a Money carries: its amountMinor is a 32-bit GraphQL Int. */
const MAX_MONEY_MINOR = 2 ** 31 - 1;

/**
 * An agreement's `yearlyValue` is twelve times what its running rentals and its tier's base fee on today's list cost a
 * month (yearly-value.ts). A rental that could take it past what a Money carries would make the agreement unreadable
 * for everyone who asks (INTERNAL_SERVER_ERROR), so it is refused: counted with the base fee and every rental of the
 * agreement whose days meet its own, which is at least what runs together.
 */
export async function overYearlyValueLimit(
  tx: DbOrTx,
  agreement: Pick<AgreementRecord, "status" | "tier">,
  rental: { agreementId: string; monthlyPriceMinor: number; startsOn: IsoDate; endsOn: IsoDate },
  today: IsoDate,
) {
  const [meeting] = await tx
    .select({ minor: sql<string>`coalesce(sum(${licenceRentals.monthlyPriceMinor}), 0)` })
    .from(licenceRentals)
    .where(
      and(
        eq(licenceRentals.agreementId, rental.agreementId),
        sql`${licenceRentals.startsOn} <= ${rental.endsOn}::date`,
        sql`coalesce(${licenceRentals.endedOn}, ${licenceRentals.endsOn}) >= ${rental.startsOn}::date`,
      ),
    );
  const fee = await baseFeeOn(tx, agreement.tier, today);
  const yearly = yearOf(agreement, Number(meeting?.minor ?? 0) + rental.monthlyPriceMinor, fee?.monthlyPriceMinor ?? 0);
  if (yearly <= MAX_MONEY_MINOR) return null;
  return userError(
    E.INVALID_INPUT,
    `With this rental the agreement would be worth more a year than Trygg can show (${MAX_MONEY_MINOR / 100} kr); rent fewer.`,
    ["input", "quantity"],
  );
}
