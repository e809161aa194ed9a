import type { MessageKey } from "~/i18n/i18n";

/** The forms of the tailoring page; each posts its name as `intent` to the page's one action. */
export const TAILORING_INTENTS = ["request", "review", "addItem", "updateItem", "removeItem", "prioritise", "confirm", "endDate", "status", "reopen"] as const;

export type TailoringIntent = (typeof TAILORING_INTENTS)[number];

/** What the action answers: the form it concerns, and either what went wrong or what was done. */
export interface TailoringResult {
  intent: TailoringIntent;
  /** The item a row's form concerns. */
  target?: string;
  ok: boolean;
  /** What went wrong, in the user's words; empty on success. */
  errors: MessageKey[];
  /**
   * Someone else changed the plan since the page was loaded (STALE_VERSION). The page then keeps
   * what it shows and offers a reload, so two people's orders are never mixed.
   */
  conflict?: boolean;
  /** What the user typed, to refill the form after an error. */
  values: Record<string, string | string[]>;
  /** What was done, for the status message. */
  done?: MessageKey;
  /** Fills the status message, e.g. the item's title. */
  subject?: string;
  /** Changes on every success, so a form can start empty again. */
  nonce?: string;
}
