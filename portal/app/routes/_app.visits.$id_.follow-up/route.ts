import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  ActionItemFromVisitCheckDocument,
  CorrectVisitProtocolFromPageDocument,
  type CheckResult,
  SendVisitProtocolFromPageDocument,
  type VisitCheckKind,
} from "~/graphql/graphql";
import { apiFor } from "~/lib/api.server";
import { formError, refused, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";

const INTENTS = ["actionItem", "sendProtocol", "correct"] as const;
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
  if (intent === "correct") return correct(api, visitId, form);
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

/** Only posted to; an address opened (a reload after a post, a link copied) leads to the visit's page, not an error. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/visits/${encodeURIComponent(params.id ?? "")}`);
}

const RESULTS: CheckResult[] = ["OK", "NEEDS_ACTION", "NOT_APPLICABLE"];

/**
 * A correction of the frozen protocol: only the checks whose result or note was changed in the form are sent, so the
 * new version (and the mail to its readers) lists what really changed.
 */
async function correct(
  api: Awaited<ReturnType<typeof apiFor>>["api"],
  visitId: string,
  form: FormData,
): Promise<FormResult<FollowUpIntent>> {
  const text = (name: string) => String(form.get(name) ?? "");
  const checks = form
    .getAll("kind")
    .map(String)
    .flatMap((kind) => {
      const result = text(`result-${kind}`) as CheckResult;
      const note = text(`note-${kind}`).trim();
      const changed = result !== text(`was-result-${kind}`) || note !== text(`was-note-${kind}`).trim();
      return changed && RESULTS.includes(result) ? [{ kind: kind as VisitCheckKind, result, note }] : [];
    });
  const values = { reason: text("reason") };
  if (checks.length === 0)
    return {
      intent: "correct",
      ok: false,
      errors: [formError(null, "INVALID_INPUT", "visit.correction.nothing")],
      values,
    };
  const { correctVisitProtocol: r } = await api.mutate(CorrectVisitProtocolFromPageDocument, {
    input: { visitId, reason: text("reason"), checks },
  });
  return r.userErrors.length > 0
    ? refused("correct", r.userErrors, values)
    : {
        intent: "correct",
        ok: true,
        errors: [],
        values: {},
        done: "visit.correction.done",
        subject: String(r.protocolVersion?.version ?? ""),
      };
}
