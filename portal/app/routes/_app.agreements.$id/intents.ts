import type { FormError } from "~/lib/agreements";

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

/** What the action answers: the form it concerns, and either what went wrong or what was done. */
export interface IntentResult {
  intent: Intent;
  /** The row a row's button concerns (an account, a rental, an add-on). */
  target?: string;
  ok: boolean;
  errors: FormError[];
  /** What the user typed, to refill the form after an error. */
  values: Record<string, string>;
  /** For a success message, e.g. the account holder's name. */
  subject?: string;
  /** Changes on every success, so a form can start empty again. */
  nonce?: string;
}
