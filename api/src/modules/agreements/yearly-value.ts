import type { IsoDate } from "../../shared/dates.js";
import type { LicenceRentalRow } from "./agreement-records.js";
import type { AgreementStatus } from "./agreement-status.js";
import { yearOf } from "./agreement-year.js";
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
