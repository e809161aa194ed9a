import { userError } from "../../shared/errors.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import type { AgreementRecord } from "../agreements/index.js";
import { TailoringErrors as E } from "./tailoring.errors.js";
import { PARTNER_PROGRESS_REPORTERS } from "./tailoring.roles.js";
import type { ActionItemRow } from "./tailoring-records.js";

/*
 * A partner is not a party to the tailoring, but it does the work the plan gives it: its staff report
 * progress on the items whose owner is PARTNER, on agreements their organisation signed. What the item
 * says stays with the plan writers, so the customer and the seller agree on it without the partner.
 */
export function partnerProgressRefusal(
  viewer: Viewer,
  agreement: AgreementRecord,
  item: ActionItemRow,
  changesContent: boolean,
) {
  if (!holds(viewer, PARTNER_PROGRESS_REPORTERS)) return null;
  // The agreement scope already hid other partners' agreements; this guards the rule on its own.
  if (agreement.partnerId !== viewer.organisationId)
    return userError(E.NOT_FOUND, "No such action item.", ["input", "actionItemId"]);
  if (item.owner !== "PARTNER")
    return userError(E.NOT_ITEM_OWNER, "Only the action items your organisation owns are yours to update.", [
      "input",
      "actionItemId",
    ]);
  if (changesContent)
    return userError(
      E.NOT_ITEM_OWNER,
      "A partner reports progress; the seller and the customer change what the item says.",
      ["input"],
    );
  return null;
}
