import { Form, Link, useLocation } from "@remix-run/react";
import { useState } from "react";
import { SubmitButton } from "~/components/submit-button";
import type { ReviewArea, StepState, TailoringStep } from "~/graphql/graphql";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { REVIEW_AREAS, TAILORING_STEPS, mayTailor, stepIndex, stepNumber } from "~/lib/tailoring";
import { formatDay } from "~/lib/dates";
import type { TailoringResult } from "./intents";
import { resultFor, typed, type PageAgreement, type PageReview, type PageTailoring, type SectionProps } from "./types";

/** The errors of one form, or the conflict message with a way to reload. */
export function FormMessages({ result }: { result: TailoringResult | undefined }) {
  const t = useT();
  const location = useLocation();
  if (!result || result.ok || result.errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      {result.errors.map((key) => (
        <p key={key} className="alert-line">
          {t(key)}
        </p>
      ))}
      {result.conflict ? (
        <p className="alert-line">
          <a href={location.pathname} className="button button-small button-secondary">
            {t("tailoring.conflict.reload")}
          </a>
        </p>
      ) : null}
    </div>
  );
}

const STATE_KEYS: Record<StepState, MessageKey> = {
  DONE: "tailoring.state.DONE",
  CURRENT: "tailoring.state.CURRENT",
  TO_DO: "tailoring.state.TO_DO",
  TO_REDO: "tailoring.state.TO_REDO",
};

/** The five steps, each with its state and who finished it when. */
export function Stepper({ tailoring }: { tailoring: PageTailoring | null }) {
  const t = useT();
  const lang = useLang();
  const steps =
    tailoring?.steps ??
    TAILORING_STEPS.map((step) => ({ step, state: (step === "CONTACT" ? "CURRENT" : "TO_DO") as StepState, doneAt: null, doneBy: null }));
  return (
    <ol className="stepper" aria-label={t("tailoring.stepper.label")}>
      {steps.map((s) => (
        <li key={s.step} className={`stepper-step stepper-${s.state.toLowerCase().replace("_", "-")}`} aria-current={s.state === "CURRENT" ? "step" : undefined} data-step={s.step}>
          <span className="stepper-number" aria-hidden="true">
            {s.state === "DONE" ? "✓" : stepNumber(s.step)}
          </span>
          <span className="stepper-text">
            <span className="stepper-title">
              <span className="visually-hidden">{t("tailoring.stepper.stepNumber", { n: stepNumber(s.step) })} </span>
              {t(`tailoring.step.${s.step}`)}
            </span>
            <span className="stepper-state">{t(STATE_KEYS[s.state])}</span>
            {s.state === "DONE" && s.doneAt ? (
              <span className="stepper-who">
                {s.doneBy ? t("tailoring.stepper.doneBy", { name: s.doneBy.name, date: formatDateTime(lang, s.doneAt) }) : formatDateTime(lang, s.doneAt)}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Step 1: no tailoring yet; a customer admin or seller asks for a review. */
export function RequestSection({ agreement, role, result }: SectionProps) {
  const t = useT();
  const own = resultFor(result, "request");
  const valid = agreement.status === "ACTIVE" || agreement.status === "EXPIRING";
  return (
    <section className="card section" aria-labelledby="request-title">
      <h2 id="request-title">{t("tailoring.request.heading")}</h2>
      <p>{t("tailoring.request.intro")}</p>
      {!valid ? (
        <p className="alert alert-info">{t("tailoring.request.notValid")}</p>
      ) : mayTailor(role, "request") ? (
        <Form method="post" className="stack">
          <FormMessages result={own} />
          <div className="field">
            <label htmlFor="request-message">{t("tailoring.request.message")}</label>
            <textarea id="request-message" name="message" rows={4} maxLength={2000} defaultValue={typed(own, "message")} aria-describedby="request-message-hint" />
            <p id="request-message-hint" className="hint">
              {agreement.seller ? t("tailoring.request.hintSeller", { name: agreement.seller.name }) : t("tailoring.request.hint")}
            </p>
          </div>
          <div>
            <SubmitButton intent="request" busyLabel={t("tailoring.request.sending")}>
              {t("tailoring.request.submit")}
            </SubmitButton>
          </div>
        </Form>
      ) : (
        <p className="muted">{t("tailoring.readOnly.request")}</p>
      )}
    </section>
  );
}

/** What the tailoring waits for now, in one sentence. */
export function WaitingNote({ tailoring, agreement }: { tailoring: PageTailoring; agreement: PageAgreement }) {
  const t = useT();
  if (tailoring.currentStep === "DONE") return null;
  const who = tailoring.waitingOn.map((party) => (party === "VENDOR" ? (agreement.seller?.name ?? t("tailoring.party.VENDOR")) : agreement.customer.name));
  if (who.length === 0) return null;
  return (
    <p className="waiting-note" data-testid="waiting-on">
      <span className="badge badge-waiting">{t("tailoring.waiting.label")}</span> {who.join(` ${t("tailoring.waiting.and")} `)}
    </p>
  );
}

interface FindingRow {
  key: number;
  area: ReviewArea;
  finding: string;
}

/** Step 2: the seller records the first meeting; findings per area, one row each, rows can be added. */
export function ReviewForm({ tailoring, today, result }: { tailoring: PageTailoring; today: string; result: TailoringResult | undefined }) {
  const t = useT();
  const own = resultFor(result, "review");
  const typedAreas = own && !own.ok ? own.values.findingArea : undefined;
  const typedFindings = own && !own.ok ? own.values.findingText : undefined;
  const initial: FindingRow[] =
    Array.isArray(typedFindings) && typedFindings.length > 0
      ? typedFindings.map((finding, index) => ({ key: index, finding, area: REVIEW_AREAS.find((a) => a === (Array.isArray(typedAreas) ? typedAreas[index] : "")) ?? "OTHER" }))
      : [{ key: 0, area: "DATABASE", finding: "" }];
  const [rows, setRows] = useState<FindingRow[]>(initial);
  const nextKey = rows.reduce((max, row) => Math.max(max, row.key), 0) + 1;
  return (
    <Form method="post" className="stack review-form" aria-labelledby="review-form-title">
      <h3 id="review-form-title">{t("tailoring.review.formHeading")}</h3>
      <FormMessages result={own} />
      <input type="hidden" name="tailoringId" value={tailoring.id} />
      <div className="form-row">
        <div className="field">
          <label htmlFor="meetingOn">{t("tailoring.review.meetingOn")}</label>
          <input id="meetingOn" name="meetingOn" type="date" required defaultValue={typed(own, "meetingOn") ?? today} />
        </div>
        <div className="field field-grow">
          <label htmlFor="attendees">{t("tailoring.review.attendees")}</label>
          <textarea id="attendees" name="attendees" rows={3} required defaultValue={typed(own, "attendees")} aria-describedby="attendees-hint" />
          <p id="attendees-hint" className="hint">
            {t("tailoring.review.attendeesHint")}
          </p>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend>{t("tailoring.review.findings")}</legend>
        <p className="hint">{t("tailoring.review.findingsHint")}</p>
        <ol className="finding-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="finding-row">
              <div className="field">
                <label htmlFor={`finding-area-${row.key}`}>{t("tailoring.review.area", { n: index + 1 })}</label>
                <select
                  id={`finding-area-${row.key}`}
                  name="findingArea"
                  value={row.area}
                  onChange={(event) => {
                    const area = REVIEW_AREAS.find((a) => a === event.target.value) ?? "OTHER";
                    setRows((all) => all.map((r) => (r.key === row.key ? { ...r, area } : r)));
                  }}
                >
                  {REVIEW_AREAS.map((area) => (
                    <option key={area} value={area}>
                      {t(`tailoring.area.${area}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field field-grow">
                <label htmlFor={`finding-text-${row.key}`}>{t("tailoring.review.finding", { n: index + 1 })}</label>
                <input
                  id={`finding-text-${row.key}`}
                  name="findingText"
                  maxLength={2000}
                  value={row.finding}
                  onChange={(event) => {
                    const finding = event.target.value;
                    setRows((all) => all.map((r) => (r.key === row.key ? { ...r, finding } : r)));
                  }}
                />
              </div>
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button button-secondary button-small finding-remove"
                  aria-label={t("tailoring.review.removeFindingLabel", { n: index + 1 })}
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  {t("tailoring.review.removeFinding")}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button type="button" className="button button-secondary button-small" onClick={() => setRows((all) => [...all, { key: nextKey, area: "OTHER", finding: "" }])}>
          + {t("tailoring.review.addFinding")}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor="notes">{t("tailoring.review.notes")}</label>
        <textarea id="notes" name="notes" rows={4} maxLength={10000} defaultValue={typed(own, "notes")} />
      </div>
      <div>
        <SubmitButton intent="review" busyLabel={t("tailoring.review.saving")}>
          {t("tailoring.review.submit")}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** Step 2's outcome: what was reviewed and found; a finding can become an action item. */
export function ReviewSummary({ review, canCreateItems }: { review: PageReview; canCreateItems: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card section" aria-labelledby="review-title">
      <h2 id="review-title">{t("tailoring.review.heading")}</h2>
      <dl className="facts">
        <dt>{t("tailoring.review.meetingOn")}</dt>
        <dd>{formatDay(lang, review.meetingOn)}</dd>
        <dt>{t("tailoring.review.attendees")}</dt>
        <dd>{review.attendees.join(", ")}</dd>
        {review.recordedBy ? (
          <>
            <dt>{t("tailoring.review.recordedBy")}</dt>
            <dd>{t("tailoring.whoWhen", { name: review.recordedBy.name, date: formatDateTime(lang, review.recordedAt) })}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="subheading">{t("tailoring.review.findings")}</h3>
      {review.findings.length === 0 ? (
        <p className="muted">{t("tailoring.review.noFindings")}</p>
      ) : (
        <ul className="findings">
          {review.findings.map((f, index) => (
            <li key={`${f.area}-${index}`} className="finding">
              <span className="badge badge-area">{t(`tailoring.area.${f.area}`)}</span>
              <span className="finding-text">{f.finding}</span>
              {canCreateItems ? (
                <Link to={`?finding=${index}#add-item`} className="button button-secondary button-small" aria-label={t("tailoring.review.createFromFindingLabel", { finding: f.finding })}>
                  {t("tailoring.review.createFromFinding")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {review.notes ? (
        <>
          <h3 className="subheading">{t("tailoring.review.notes")}</h3>
          <p className="prewrap">{review.notes}</p>
        </>
      ) : null}
    </section>
  );
}

/** The customer's request (step 1): who asked, when, and their message. */
export function RequestNote({ tailoring }: { tailoring: PageTailoring }) {
  const t = useT();
  const lang = useLang();
  const requested = tailoring.history.find((e) => e.action === "requested");
  return (
    <div className="request-note">
      <p className="muted small">
        {requested?.actor ? t("tailoring.request.askedBy", { name: requested.actor.name, date: formatDateTime(lang, requested.occurredAt) }) : t("tailoring.request.asked")}
      </p>
      {tailoring.requestMessage ? <blockquote className="quote">{tailoring.requestMessage}</blockquote> : null}
    </div>
  );
}

const ACTION_KEYS: Record<string, MessageKey> = {
  requested: "tailoring.history.requested",
  reviewRecorded: "tailoring.history.reviewRecorded",
  itemAdded: "tailoring.history.itemAdded",
  itemUpdated: "tailoring.history.itemUpdated",
  itemRemoved: "tailoring.history.itemRemoved",
  prioritised: "tailoring.history.prioritised",
  prioritiesConfirmed: "tailoring.history.prioritiesConfirmed",
  endDateProposed: "tailoring.history.endDateProposed",
  endDateAgreed: "tailoring.history.endDateAgreed",
  stepReopened: "tailoring.history.stepReopened",
};

function detail(details: Record<string, unknown>, name: string): string | undefined {
  const value = details[name];
  return typeof value === "string" ? value : undefined;
}

/** Every step event, newest first: who, when, what and why. */
export function HistorySection({ tailoring }: { tailoring: PageTailoring }) {
  const t = useT();
  const lang = useLang();
  const events = [...tailoring.history].reverse();
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t("tailoring.history.heading")}</h2>
      <ol className="history" data-testid="tailoring-history">
        {events.map((e) => {
          const title = detail(e.details, "title");
          const endOn = detail(e.details, "endOn");
          const status = detail(e.details, "status");
          return (
            <li key={e.id} className={`history-entry history-${e.action}`}>
              <time dateTime={e.occurredAt} className="history-when">
                {formatDateTime(lang, e.occurredAt)}
              </time>
              <div className="history-what">
                <strong>{e.actor?.name ?? t("tailoring.history.system")}</strong> {t(ACTION_KEYS[e.action] ?? "tailoring.history.other", { step: t(`tailoring.step.${e.step}`) })}
                {title ? <> – {t("tailoring.history.title", { title })}</> : null}
                {endOn ? <> – {formatDay(lang, endOn)}</> : null}
                {status ? <> – {t(`tailoring.itemStatus.${status as "OPEN"}`)}</> : null}
                <span className="muted small history-step"> · {t("tailoring.history.inStep", { step: t(`tailoring.step.${e.step}`) })}</span>
                {e.reason ? <p className="history-reason">{t("tailoring.history.reason", { reason: e.reason })}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A seller takes a finished step up again, with a reason; later steps are then done again. */
export function ReopenSection({ tailoring, result }: { tailoring: PageTailoring; result: TailoringResult | undefined }) {
  const t = useT();
  const own = resultFor(result, "reopen");
  const finished = tailoring.steps.filter((s) => s.step !== "CONTACT" && stepIndex(s.step) < stepIndex(tailoring.currentStep) && s.state !== "TO_DO");
  if (finished.length === 0) return null;
  return (
    <section className="card section" aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t("tailoring.reopen.heading")}</h2>
      <p className="muted">{t("tailoring.reopen.intro")}</p>
      {/* Remount when the steps change, so the step select starts at a step that is still finished. */}
      <Form method="post" className="stack" key={`${own?.ok ? own.nonce : "reopen"}-${tailoring.version}`}>
        <FormMessages result={own} />
        <input type="hidden" name="tailoringId" value={tailoring.id} />
        <div className="form-row">
          <div className="field">
            <label htmlFor="reopen-step">{t("tailoring.reopen.step")}</label>
            <select id="reopen-step" name="step" defaultValue={typed(own, "step") ?? finished[finished.length - 1]?.step}>
              {finished.map((s) => (
                <option key={s.step} value={s.step}>
                  {stepNumber(s.step)}. {t(`tailoring.step.${s.step as Exclude<TailoringStep, "DONE">}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor="reopen-reason">{t("tailoring.reopen.reason")}</label>
            <textarea id="reopen-reason" name="reason" rows={2} required maxLength={2000} defaultValue={typed(own, "reason")} />
          </div>
        </div>
        <div>
          <SubmitButton intent="reopen" busyLabel={t("tailoring.reopen.sending")} className="button button-secondary">
            {t("tailoring.reopen.submit")}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
