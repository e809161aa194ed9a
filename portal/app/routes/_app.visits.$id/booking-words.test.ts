import { describe, expect, it } from "vitest";
import { translator, userErrorKey } from "~/i18n/i18n";
import { formErrors, inPageWords } from "~/lib/form-result";

const sv = translator("sv");
const unknown = sv("userError.UNKNOWN");

/** Every code the API's descriptions list for these mutations (visit.errors.ts), as the pages can meet them. */
const MOVE_AND_CANCEL = [
  "NOT_FOUND",
  "VISIT_COMPLETED",
  "VISIT_CANCELLED",
  "OUTSIDE_AGREEMENT_PERIOD",
  "INVALID_TECHNICIAN",
  "STALE_VERSION",
  "INVALID_INPUT",
];
/** proposeNewVisitTimes (decision 0093): the move's codes and the proposal's own. */
const PROPOSE = [...MOVE_AND_CANCEL, "INVALID_TIMES", "TIME_IN_PAST", "NO_RECIPIENTS"];
const ANSWER = [
  "NOT_FOUND",
  "INVALID_INPUT",
  "LINK_INVALID",
  "LINK_EXPIRED",
  "LINK_USED",
  "PROPOSAL_ANSWERED",
  "TIME_NOT_PROPOSED",
  "TIME_IN_PAST",
  "VISIT_NOT_IN_TIER",
  "AGREEMENT_NOT_ACTIVE",
  "PROPERTY_NOT_IN_AGREEMENT",
  "OUTSIDE_AGREEMENT_PERIOD",
  "INVALID_TECHNICIAN",
];

describe("the booking forms' refusals in Swedish", () => {
  it("words every code moving or cancelling a visit can answer, and a stale visit is not called an agreement", () => {
    const words = (code: string) => {
      const [error] = inPageWords(formErrors([{ code, field: ["input", "visitId"] }]), "visit");
      return sv(error!.key ?? userErrorKey(code));
    };
    expect(MOVE_AND_CANCEL.filter((code) => words(code) === unknown)).toEqual([]);
    expect(PROPOSE.filter((code) => words(code) === unknown)).toEqual([]);
    expect(words("STALE_VERSION")).toContain("besöket");
    expect(words("STALE_VERSION")).not.toContain("avtalet");
  });

  it("words every code answering proposed times can answer, on the link's page and in the portal", () => {
    expect(ANSWER.filter((code) => userErrorKey(code) === "userError.UNKNOWN")).toEqual([]);
  });
});
