import { Link, useFetcher } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { FormErrors } from "~/components/intent-form";
import type { FormResult } from "~/lib/form-result";
import type { FollowUpIntent } from "../_app.visits.$id_.follow-up/route";

/** Where the page's follow-up forms post (the route _app.visits.$id_.follow-up). */
const followUp = (visitId: string) => `/visits/${encodeURIComponent(visitId)}/follow-up`;

function Answer({ result }: { result: FormResult<FollowUpIntent> | undefined }) {
  const t = useT();
  if (!result) return null;
  if (result.ok)
    return result.done ? (
      <p className="small" role="status">
        {t(result.done, { subject: result.subject ?? "" })}
      </p>
    ) : null;
  return <FormErrors errors={result.errors} />;
}

interface CheckOfPage {
  kind: string;
  result?: string | null;
  actionItem?: { id: string; title: string } | null;
}

/**
 * "Gör till åtgärdspunkt" beside a check that needs action: it becomes a point at the end of the agreement's
 * action plan, with who does it. A check that already is one says so and links to the plan; a second click from a
 * page that did not know yet is answered with the API's ACTION_ITEM_EXISTS, in words.
 */
export function CheckActionItem({
  visitId,
  agreementId,
  check,
}: {
  visitId: string;
  agreementId: string;
  check: CheckOfPage;
}) {
  const t = useT();
  const fetcher = useFetcher<FormResult<FollowUpIntent>>();
  if (check.result !== "NEEDS_ACTION") return null;
  // Once it is one (made here, or found to be one already), the plan's point shows with what the click answered.
  if (check.actionItem)
    return (
      <span className="cell-note" data-testid={`action-item-${check.kind}`}>
        {t("visit.isActionItem")}{" "}
        <Link to={`/agreements/${encodeURIComponent(agreementId)}/tailoring`}>{check.actionItem.title}</Link>
        <Answer result={fetcher.data} />
      </span>
    );
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      action={followUp(visitId)}
      className="cell-note"
      data-testid={`make-action-item-${check.kind}`}
    >
      <input type="hidden" name="intent" value="actionItem" />
      <input type="hidden" name="kind" value={check.kind} />
      <label className="small">
        {t("visit.actionItemOwner")}{" "}
        <select name="owner" defaultValue="VENDOR">
          {(["VENDOR", "PARTNER", "CUSTOMER"] as const).map((o) => (
            <option key={o} value={o}>
              {t(`tailoring.owner.${o}`)}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="submit" className="button button-small button-secondary" disabled={busy} aria-busy={busy}>
        {busy ? t("visit.makingActionItem") : t("visit.makeActionItem")}
      </button>
      <Answer result={fetcher.data} />
    </fetcher.Form>
  );
}

/**
 * Whether the protocol was mailed, and when; staff mail it from here after their review (VISIT_PROTOCOL_SEND=REVIEW,
 * or again to readers added since).
 */
export function ProtocolMailing({
  visitId,
  completed,
  sentAt,
}: {
  visitId: string;
  completed: boolean;
  sentAt: string | null;
}) {
  const t = useT();
  const lang = useLang();
  const fetcher = useFetcher<FormResult<FollowUpIntent>>();
  if (!completed) return null;
  const busy = fetcher.state !== "idle";
  return (
    <div data-testid="protocol-mailing">
      <p>{sentAt ? t("visit.protocolSentAt", { at: formatDateTime(lang, sentAt) }) : t("visit.protocolNotSent")}</p>
      <fetcher.Form method="post" action={followUp(visitId)}>
        <input type="hidden" name="intent" value="sendProtocol" />
        <button type="submit" className="button button-secondary" disabled={busy} aria-busy={busy}>
          {busy ? t("visit.sendingProtocol") : sentAt ? t("visit.sendProtocolAgain") : t("visit.sendProtocol")}
        </button>
        <Answer result={fetcher.data} />
      </fetcher.Form>
    </div>
  );
}

interface CheckToCorrect {
  kind: string;
  titleSv: string;
  titleEn: string;
  result?: string | null;
  note?: string | null;
}

/**
 * "Rätta protokollet": the frozen protocol is never edited; a correction with its reason becomes the next version,
 * and a protocol its readers have is mailed to them again with what changed (decision 0080).
 */
export function ProtocolCorrection({ visitId, checks }: { visitId: string; checks: readonly CheckToCorrect[] }) {
  const t = useT();
  const lang = useLang();
  const fetcher = useFetcher<FormResult<FollowUpIntent>>();
  const busy = fetcher.state !== "idle";
  return (
    <details data-testid="protocol-correction" style={{ marginTop: 16 }}>
      <summary>{t("visit.correction.title")}</summary>
      <fetcher.Form
        method="post"
        action={followUp(visitId)}
        // A new form after each correction, so it starts from the version just made.
        key={fetcher.data?.ok ? fetcher.data.subject : "form"}
        style={{ maxWidth: 640 }}
      >
        <input type="hidden" name="intent" value="correct" />
        <p className="small muted">{t("visit.correction.hint")}</p>
        {checks.map((c) => {
          const title = lang === "en" ? c.titleEn : c.titleSv;
          return (
            <fieldset key={c.kind} style={{ marginBottom: 12 }}>
              <legend>{title}</legend>
              <input type="hidden" name="kind" value={c.kind} />
              <input type="hidden" name={`was-result-${c.kind}`} value={c.result ?? ""} />
              <input type="hidden" name={`was-note-${c.kind}`} value={c.note ?? ""} />
              <label>
                {t("visit.result")}{" "}
                <select name={`result-${c.kind}`} defaultValue={c.result ?? "OK"}>
                  {(["OK", "NEEDS_ACTION", "NOT_APPLICABLE"] as const).map((r) => (
                    <option key={r} value={r}>
                      {t(`visit.result.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label style={{ display: "block", marginTop: 8 }}>
                {t("visit.note")}
                <textarea
                  name={`note-${c.kind}`}
                  defaultValue={c.note ?? ""}
                  rows={2}
                  style={{ display: "block", width: "100%" }}
                />
              </label>
            </fieldset>
          );
        })}
        <label style={{ display: "block" }}>
          {t("visit.correction.reason")}
          <textarea name="reason" required rows={2} style={{ display: "block", width: "100%" }} />
        </label>
        <p>
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {busy ? t("visit.correction.saving") : t("visit.correction.save")}
          </button>
        </p>
        <Answer result={fetcher.data} />
      </fetcher.Form>
    </details>
  );
}
