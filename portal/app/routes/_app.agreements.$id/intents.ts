import type { OrderQuoteQuery } from "~/graphql/graphql";
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
] as const;

export type Intent = (typeof INTENTS)[number];

/** The order each quote step prices; its confirmation posts this intent with the same values. */
export const CONFIRMS = {
  quoteRental: "rentLicence",
  quoteHosting: "orderHosting",
  quoteMonitoring: "orderMonitoring",
} as const satisfies Partial<Record<Intent, Intent>>;
export type QuoteIntent = keyof typeof CONFIRMS;

export type OrderQuote = NonNullable<OrderQuoteQuery["orderQuote"]["quote"]>;

/** A form's answer; a quote step's answer carries the quote to confirm, and `values` what to send again. */
export type IntentResult = FormResult<Intent> & { quote?: OrderQuote };
