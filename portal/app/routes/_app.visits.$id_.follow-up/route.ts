import type { ActionFunctionArgs } from "@remix-run/node";
import {
  ActionItemFromVisitCheckDocument,
  SendVisitProtocolFromPageDocument,
  type VisitCheckKind,
} from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";
import { refused, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";

const INTENTS = ["actionItem", "sendProtocol"] as const;
export type FollowUpIntent = (typeof INTENTS)[number];
const OWNERS = ["VENDOR", "PARTNER", "CUSTOMER"] as const;

/**
 * What staff do with a finished visit from its page: a check that needs action becomes a point of the agreement's
 * action plan, and the protocol is mailed after the technician's review. Posted here by the page's fetchers, so the
 * visit page's own action (the customer's acknowledgement, the booking) stays as it is.
 */
export async function action({ request, params }: ActionFunctionArgs): Promise<FormResult<FollowUpIntent>> {
  const form = await request.formData();
  const intent = intentOf(form, INTENTS);
  const { api } = await apiFor(request);
  const visitId = params.id ?? "";
  if (intent === "sendProtocol") {
    const { sendVisitProtocol: r } = await api.mutate(SendVisitProtocolFromPageDocument, { visitId });
    return r.userErrors.length > 0
      ? refused(intent, r.userErrors)
      : { intent, ok: true, errors: [], values: {}, done: "visit.protocolSent" };
  }
  const kind = String(form.get("kind") ?? "") as VisitCheckKind;
  const owner = OWNERS.find((o) => o === form.get("owner")) ?? "VENDOR";
  const { createActionItemFromVisitCheck: r } = await api.mutate(ActionItemFromVisitCheckDocument, {
    input: { visitId, kind, owner },
  });
  return r.userErrors.length > 0
    ? refused(intent, r.userErrors, {}, kind)
    : {
        intent,
        target: kind,
        ok: true,
        errors: [],
        values: {},
        done: "visit.actionItemMade",
        subject: r.actionItem?.title,
      };
}
