import type { FormResult } from "~/lib/form-result";

/** The forms of the agreement page; each posts its name as `intent` to the page's one action. */
export const INTENTS = [
  "activate",
  "renew",
  "terminate",
  "createAccount",
  "deactivateAccount",
  "rentLicence",
  "endRental",
  "orderHosting",
  "orderMonitoring",
  "cancelAddOn",
] as const;

export type Intent = (typeof INTENTS)[number];

export type IntentResult = FormResult<Intent>;
