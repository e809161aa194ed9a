import type { FormResult } from "~/lib/form-result";

/** The forms of the tailoring page; each posts its name as `intent` to the page's one action. */
export const TAILORING_INTENTS = [
  "request",
  "review",
  "addItem",
  "updateItem",
  "removeItem",
  "prioritise",
  "confirm",
  "endDate",
  "status",
  "reopen",
] as const;

export type TailoringIntent = (typeof TAILORING_INTENTS)[number];

export type TailoringResult = FormResult<TailoringIntent>;
