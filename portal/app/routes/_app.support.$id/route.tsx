import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useState } from "react";
import { ErrorPanel } from "~/components/error-panel";
import { FormErrors, IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { DeadlineBadge, resolutionLeftText, timeLeftText } from "~/components/support-case-list";
import {
  AssignSupportCaseDocument,
  HandOverSupportCaseDocument,
  ReplyToSupportCaseDocument,
  SetSupportCaseStatusDocument,
  SupportCasePageDocument,
} from "~/graphql/graphql";
import { formatDateTime, userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { SUPPORT_CASE_STATUSES } from "~/lib/enums";
import { viewerOf } from "~/lib/viewer.server";
import { formError, refused, type FormResult, type UserErrors } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";
import { redirectToLogin } from "~/lib/session.server";
import {
  ATTACHMENT_ACCEPT,
  checkAttachments,
  MAX_ATTACHMENT_BYTES,
  postedFiles,
  toAttachmentInputs,
} from "~/lib/support-attachments";
import { CASE_HANDLERS, isOneOf } from "@trygg/roles";
import { FirstMessageAuthor } from "./first-message-author";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "support.caseTitle") }];

const INTENTS = ["reply", "status", "assign", "handOver"] as const;
type Intent = (typeof INTENTS)[number];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  // The staff side (the API's SUPPORT_QUEUE section) answers, notes, assigns and hands over.
  const staff = viewer.sections.includes("SUPPORT_QUEUE");
  const data = await api.query(SupportCasePageDocument, { id: params.id ?? "", orgId: viewer.organisation.id, staff });
  if (data.node?.__typename !== "SupportCase") throw new Response("Not found", { status: 404 });
  const colleagues = (data.users?.edges ?? []).map((e) => e.node).filter((u) => isOneOf(u.role, CASE_HANDLERS));
  return { c: data.node, staff, colleagues, me: viewer.user.id };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<FormResult<Intent>> {
  // Logged in before the files are read: this form may send more than any other (request-body-limits.ts).
  const { api } = await apiFor(request);
  const form = await request.formData();
  const intent = intentOf(form, INTENTS);
  const caseId = params.id ?? "";
  const failed = (userErrors: UserErrors, values: Record<string, string> = {}) => refused(intent, userErrors, values);
  const done = (key: MessageKey) => ({
    intent,
    ok: true,
    values: {},
    errors: [],
    done: key,
    nonce: String(Date.now()),
  });
  if (intent === "reply") {
    const body = String(form.get("body") ?? "");
    const files = postedFiles(form);
    const check = checkAttachments(files);
    if (check !== "ok") return { intent, ok: false, values: { body }, errors: [formError("attachments", check)] };
    const { replyToSupportCase: r } = await api.mutate(ReplyToSupportCaseDocument, {
      input: { caseId, body, internal: form.get("internal") === "on", attachments: await toAttachmentInputs(files) },
    });
    return r.message ? done("support.replied") : failed(r.userErrors, { body });
  }
  if (intent === "status") {
    const status = SUPPORT_CASE_STATUSES.find((s) => s === form.get("status")) ?? "OPEN";
    const { setSupportCaseStatus: r } = await api.mutate(SetSupportCaseStatusDocument, { input: { caseId, status } });
    return r.supportCase ? done("support.statusChanged") : failed(r.userErrors);
  }
  if (intent === "assign") {
    const assigneeId = String(form.get("assigneeId") ?? "") || null;
    const { assignSupportCase: r } = await api.mutate(AssignSupportCaseDocument, { input: { caseId, assigneeId } });
    return r.supportCase ? done("support.assigned") : failed(r.userErrors);
  }
  const note = String(form.get("note") ?? "");
  const to = form.get("to") === "PARTNER" ? "PARTNER" : "VENDOR";
  const { handOverSupportCase: r } = await api.mutate(HandOverSupportCaseDocument, { input: { caseId, to, note } });
  return r.supportCase ? done("support.handedOver") : failed(r.userErrors, { note });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Attachment = { id: string; fileName: string; downloadFileName: string; sizeBytes: number };

function Attachments({ list }: { list: readonly Attachment[] }) {
  const t = useT();
  if (list.length === 0) return null;
  return (
    <ul className="link-list small" aria-label={t("support.case.attachments")}>
      {list.map((a) => (
        <li key={a.id}>
          <a href={`/support/attachment/${encodeURIComponent(a.id)}`} download={a.downloadFileName}>
            {a.fileName}
          </a>{" "}
          <span className="muted">({Math.ceil(a.sizeBytes / 1024)} KB)</span>
        </li>
      ))}
    </ul>
  );
}

function ReplyForm({ staff }: { staff: boolean }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const failed = result?.intent === "reply" && !result.ok ? result : undefined;
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      key={result?.intent === "reply" && result.ok ? result.nonce : "reply"}
      aria-labelledby="reply-title"
      data-testid="reply-form"
    >
      <input type="hidden" name="intent" value="reply" />
      <h2 id="reply-title">{t("support.reply")}</h2>
      <FormErrors errors={failed?.errors ?? []} />
      <div className="field">
        <label htmlFor="reply-body">{t("support.message")}</label>
        <textarea
          id="reply-body"
          name="body"
          rows={5}
          required
          defaultValue={(failed?.values.body as string | undefined) ?? ""}
        />
      </div>
      {staff ? (
        <div className="field field-check">
          <label className="check">
            <input type="checkbox" name="internal" /> {t("support.internalNote")}
          </label>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="reply-attachments">{t("support.case.attachments")}</label>
        <input
          id="reply-attachments"
          name="attachments"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          onChange={(event) => {
            const check = checkAttachments(Array.from(event.currentTarget.files ?? []));
            const message = check === "ok" ? "" : t(userErrorKey(check));
            setTooBig(message || null);
            event.currentTarget.setCustomValidity(message);
          }}
        />
        <p className="muted small">{t("support.attachmentsHelp", { kb: MAX_ATTACHMENT_BYTES / 1024 })}</p>
        {tooBig ? (
          <p className="field-error" role="alert">
            {tooBig}
          </p>
        ) : null}
      </div>
      <SubmitButton intent="reply" busyLabel={t("support.sending")}>
        {t("support.send")}
      </SubmitButton>
    </Form>
  );
}

function StaffActions({ c, colleagues, me }: Pick<Loaded, "c" | "colleagues" | "me">) {
  const t = useT();
  return (
    <section className="section support-actions" aria-label={t("support.staffActions")}>
      <IntentForm intent="status" aria-label={t("support.case.status")}>
        {() => (
          <>
            <div className="field">
              <label htmlFor="case-status">{t("support.case.status")}</label>
              <select id="case-status" name="status" defaultValue={c.status}>
                {SUPPORT_CASE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`support.status.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <IntentButton intent="status" busy={t("support.saving")} className="button button-secondary">
              {t("support.setStatus")}
            </IntentButton>
          </>
        )}
      </IntentForm>
      <IntentForm intent="assign" aria-label={t("support.assign")}>
        {() => (
          <>
            <div className="field">
              <label htmlFor="case-assignee">{t("support.assignee")}</label>
              {/* Keyed by the case's own value, so a change made here shows once the page has reloaded it. */}
              <select
                id="case-assignee"
                name="assigneeId"
                defaultValue={c.assigneeUser?.id ?? ""}
                key={c.assigneeUser?.id ?? ""}
              >
                <option value="">{t("support.unassigned")}</option>
                {colleagues.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.id === me ? t("support.me", { name: u.name }) : u.name}
                  </option>
                ))}
              </select>
            </div>
            <IntentButton intent="assign" busy={t("support.saving")} className="button button-secondary">
              {t("support.assign")}
            </IntentButton>
          </>
        )}
      </IntentForm>
      <IntentForm intent="handOver" fields={["note"]} aria-label={t("support.handOver")}>
        {(f) => (
          <>
            <input type="hidden" name="to" value={c.routedTo === "VENDOR" ? "PARTNER" : "VENDOR"} />
            <div className="field">
              <label htmlFor={f.props("note").id}>
                {c.routedTo === "VENDOR" ? t("support.handOverToPartner") : t("support.handOverToVendor")}
              </label>
              <textarea
                rows={2}
                required
                {...f.props("note")}
                defaultValue={f.value("note")}
                placeholder={t("support.handOverNote")}
              />
              {f.error("note")}
            </div>
            <IntentButton intent="handOver" busy={t("support.saving")} className="button button-secondary">
              {t("support.handOver")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </section>
  );
}

export default function SupportCasePage() {
  const t = useT();
  const lang = useLang();
  const { c, staff, colleagues, me } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={staff ? "/support-queue" : "/support"}>
          {staff ? t("support.backToQueue") : t("support.backToSupport")}
        </Link>
      </p>
      <div className="page-heading">
        <h1>
          {c.number}: {c.subject}
        </h1>
        <p className="muted">
          {t(`support.category.${c.category}` as MessageKey)} · {c.customer.name}
          {c.property ? ` · ${c.property.name}` : ""} ·{" "}
          {t("support.openedAtBy", {
            when: formatDateTime(lang, c.openedAt),
            name: c.openedBy?.name ?? t("support.openedByMonitoring"),
          })}
        </p>
      </div>
      <SuccessNotice intents={INTENTS} />
      {c.escalatedAt ? (
        <p className="alert alert-warning" role="status" data-testid="case-escalated">
          {t("support.escalated", { when: formatDateTime(lang, c.escalatedAt) })}
        </p>
      ) : null}
      <dl className="facts" data-testid="case-facts">
        <dt>{t("support.case.status")}</dt>
        <dd data-testid="case-status">{t(`support.status.${c.status}` as MessageKey)}</dd>
        <dt>{t("support.case.answeredBy")}</dt>
        <dd data-testid="case-routing">{lang === "sv" ? c.routingReason.messageSv : c.routingReason.message}</dd>
        <dt>{t("support.case.severity")}</dt>
        <dd data-testid="case-severity">{t(`support.severity.${c.severity}` as MessageKey)}</dd>
        <dt>{t("support.case.priority")}</dt>
        <dd data-testid="case-priority">
          {t(`support.priority.${c.priority}` as MessageKey, { hours: c.responseTargetHours })} (
          {t(c.coveredByAgreement ? "support.priority.agreement" : "support.priority.noAgreement")})
        </dd>
        {c.supportOpensAt ? (
          <>
            <dt>{t("support.case.opensAt")}</dt>
            <dd data-testid="case-opens" data-at={c.supportOpensAt}>
              {formatDateTime(lang, c.supportOpensAt)}
            </dd>
          </>
        ) : null}
        <dt>{t("support.case.dueAt")}</dt>
        <dd data-testid="case-due" data-at={c.responseDueAt ?? ""}>
          {c.responseDueAt ? formatDateTime(lang, c.responseDueAt) : t("support.deadline.none")} ·{" "}
          {timeLeftText(lang, t, c)} <DeadlineBadge c={c} />
        </dd>
        <dt>{t("support.case.resolutionDueAt")}</dt>
        <dd data-testid="case-resolution-due" data-at={c.resolutionDueAt ?? ""}>
          {c.resolvedAt
            ? t("support.resolution.resolved", { when: formatDateTime(lang, c.resolvedAt) })
            : c.resolutionDueAt
              ? [formatDateTime(lang, c.resolutionDueAt), resolutionLeftText(lang, t, c)].filter(Boolean).join(" · ")
              : t("support.resolution.none")}
        </dd>
        {c.assignee ? (
          <>
            <dt>{t("support.assignee")}</dt>
            <dd>{c.assignee.name}</dd>
          </>
        ) : null}
      </dl>
      <section className="section" aria-labelledby="thread-title">
        <h2 id="thread-title">{t("support.thread")}</h2>
        <ol className="thread" data-testid="thread">
          <li className="side-CUSTOMER">
            <FirstMessageAuthor c={c} />
            <p className="message-body">{c.description}</p>
            <Attachments list={c.attachments} />
          </li>
          {c.messages.map((m) => (
            <li
              key={m.id}
              className={`side-${m.side}${m.internal ? " internal" : ""}`}
              data-internal={m.internal ? "true" : "false"}
            >
              <strong>{m.author?.name ?? t(`support.side.${m.side}` as MessageKey)}</strong>{" "}
              <span className="muted small">
                {m.author?.organisationName ?? ""} · {formatDateTime(lang, m.createdAt)}
              </span>
              {m.internal ? (
                <span className="badge badge-warning">
                  {m.handover ? t("support.handoverNote") : t("support.internal")}
                </span>
              ) : null}
              <p className="message-body">{m.body}</p>
              <Attachments list={m.attachments} />
            </li>
          ))}
        </ol>
      </section>
      {c.status === "CLOSED" ? <p className="muted">{t("support.closedCase")}</p> : <ReplyForm staff={staff} />}
      {staff ? <StaffActions c={c} colleagues={colleagues} me={me} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
