import type { CoverageEffectFieldsFragment, OrderQuoteQuery } from "~/graphql/graphql";
import type { FormResult } from "~/lib/form-result";

/** The forms of the agreement page; each posts its name as `intent` to the page's one action. */
export const INTENTS = [
  "activate",
  "renew",
  "terminate",
  "createAccount",
  "deactivateAccount",
  "quoteRental",
  "rentLicence",
  "endRental",
  "quoteHosting",
  "orderHosting",
  "quoteMonitoring",
  "orderMonitoring",
  "cancelAddOn",
  "requestRenewal",
  "confirmRenewal",
  "declineRenewal",
  "setAutoRenewal",
  "refuseAutoRenewal",
  "withdrawAutoRenewalRefusal",
  "previewCoverage",
  "changeCoverage",
  "changeParties",
] as const;

export type Intent = (typeof INTENTS)[number];

/** The order each quote step prices; its confirmation posts this intent with the same values. */
export const CONFIRMS = {
  quoteRental: "rentLicence",
  quoteHosting: "orderHosting",
  quoteMonitoring: "orderMonitoring",
} as const satisfies Partial<Record<Intent, Intent>>;
export type QuoteIntent = keyof typeof CONFIRMS;

/** The forms that correct the agreement's coverage and parties (coverage-form.server.ts). */
export const COVERAGE_INTENTS = [
  "previewCoverage",
  "changeCoverage",
  "changeParties",
] as const satisfies readonly Intent[];
export type CoverageIntent = (typeof COVERAGE_INTENTS)[number];
export const isCoverageIntent = (intent: Intent): intent is CoverageIntent =>
  COVERAGE_INTENTS.some((c) => c === intent);

export type OrderQuote = NonNullable<OrderQuoteQuery["orderQuote"]["quote"]>;

/**
 * A form's answer; a quote step's answer carries the quote to confirm, a coverage preview the effect, and `values`
 * what to send again.
 */
export type IntentResult = FormResult<Intent> & { quote?: OrderQuote; coverage?: CoverageEffectFieldsFragment };
