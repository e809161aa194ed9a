import { isValid, type AgreementStatus } from "./agreement-status.js";

/**
 * Twelve months of what the rentals cost a month and of the base fee while the agreement is in force: the one sum
 * behind `yearlyValue` (yearly-value.ts) and the limit a rental may not take it past (yearly-value-limit.ts). Its own
 * file because the limit is checked inside licence-rentals.ts, which the yearly value reads the monthly cost from.
 */
export function yearOf(agreement: { status: AgreementStatus }, rentalsMonthlyMinor: number, baseFeeMinor: number) {
  const fee = isValid(agreement.status) ? baseFeeMinor : 0;
  return 12 * (fee + rentalsMonthlyMinor);
}
