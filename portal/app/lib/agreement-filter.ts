import { AGREEMENT_STATUSES, TIER_CODES } from "~/lib/enums";
import type { AgreementFilter, AgreementStatus } from "~/graphql/graphql";
import { isIsoDate } from "~/lib/dates";

/**
 * `?status=` one status, "valid" for active and expiring together, or "all". Without it the list shows
 * the current agreements (those not yet ended), so it does not open on years of ended ones.
 */
export const STATUS_CHOICES = ["valid", ...AGREEMENT_STATUSES, "all"] as const;
type StatusChoice = (typeof STATUS_CHOICES)[number];
const CURRENT: AgreementStatus[] = ["DRAFT", "ACTIVE", "EXPIRING"];

/** The agreement list's filter as the URL gives it (the list page and its CSV export read the same). */
export function filterFromUrl(url: URL) {
  const statusParam = url.searchParams.get("status");
  const status = STATUS_CHOICES.find((s) => s === statusParam);
  const tierParam = url.searchParams.get("tier");
  const tier = TIER_CODES.find((t) => t === tierParam);
  const before = url.searchParams.get("endingBefore") ?? "";
  // A date that is not one (2026-13-45) is dropped and said so by the caller, never quietly ignored.
  const badEndingBefore = before && !isIsoDate(before) ? before.slice(0, 40) : undefined;
  const endingBefore = before && !badEndingBefore ? before : undefined;
  return { status, tier, endingBefore, badEndingBefore };
}

function statusesOf(choice: StatusChoice | undefined): AgreementStatus[] | undefined {
  if (!choice) return CURRENT;
  if (choice === "all") return undefined;
  return choice === "valid" ? ["ACTIVE", "EXPIRING"] : [choice];
}

/** The API's filter for the URL's. */
export function agreementFilterOf(filter: ReturnType<typeof filterFromUrl>): AgreementFilter {
  return { status: statusesOf(filter.status), tier: filter.tier, endingBefore: filter.endingBefore };
}
