import type { IsoDate } from "../../shared/dates.js";
import type { LicenceRentalRow } from "./agreement-records.js";
import { isValid, type AgreementStatus } from "./agreement-status.js";
import { monthlyCostMinor } from "./licence-rentals.js";

/**
 * What an agreement is worth a year, for the seller's dashboard and digest: twelve months of its running rentals and
 * of its tier's base fee on the list today (decision 0101). An agreement that is not in force (a draft, or one that
 * has ended) charges no base fee, as its rentals have stopped running.
 */
export function yearlyValueMinor(
  agreement: { status: AgreementStatus },
  rentals: readonly LicenceRentalRow[],
  baseFeeMinor: number,
  today: IsoDate,
): number {
  return yearOf(agreement, monthlyCostMinor(rentals, today), baseFeeMinor);
}

/**
 * Twelve months of what the rentals cost a month and of the base fee while the agreement is in force: the one sum
 * behind `yearlyValue` and the limit a rental may not take it past (yearly-value-limit.ts).
 */
export function yearOf(agreement: { status: AgreementStatus }, rentalsMonthlyMinor: number, baseFeeMinor: number) {
  const fee = isValid(agreement.status) ? baseFeeMinor : 0;
  return 12 * (fee + rentalsMonthlyMinor);
}
