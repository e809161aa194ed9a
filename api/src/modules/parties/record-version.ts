import { userError, type UserError } from "../../shared/errors.js";
import { PartyErrors } from "./party.errors.js";

/**
 * Optimistic concurrency for corrections: the edit names the version it was made from; when someone saved in
 * between, the edit is refused rather than silently overwriting their change.
 */
export function staleRecord(
  what: "organisation" | "property",
  expected: number,
  current: number,
): { errors: UserError[] } | null {
  if (expected === current) return null;
  return userError(
    // The code agreements use for the same refusal, so a client handles every stale edit alike.
    PartyErrors.STALE_VERSION,
    `Someone else changed the ${what} meanwhile (version ${current}, you had ${expected}). Reload and try again.`,
    ["input", "expectedVersion"],
  );
}
