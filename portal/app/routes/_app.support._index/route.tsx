import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useState } from "react";
import { ErrorPanel } from "~/components/error-panel";
import { FormErrors } from "~/components/intent-form";
import { EmptyState, Pagination } from "~/components/list-controls";
import { SubmitButton } from "~/components/submit-button";
import { OpeningHours } from "~/components/support-opening-hours";
import { SupportCaseList } from "~/components/support-case-list";
import { ViewSelect, viewFrom } from "~/components/view-select";
import { clockTime, dayWords, SupportStatus } from "~/components/support-status";
import {
  OpenSupportCaseDocument,
  SupportPageDocument,
  type SupportCaseCategory,
  type SupportCaseSeverity,
  type SupportCaseFilter,
} from "~/graphql/graphql";
import { formatDateTime, userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { OPEN_CASE_STATUSES, SUPPORT_CASE_CATEGORIES } from "~/lib/enums";
import { formError, formErrors, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";
import { pageFromUrl } from "~/lib/paging";
import { todayInSweden } from "~/lib/dates";
import {
  ATTACHMENT_ACCEPT,
  checkAttachments,
  MAX_ATTACHMENT_BYTES,
  postedFiles,
  toAttachmentInputs,
} from "~/lib/support-attachments";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "support.title") }];

/** Worst first: "the whole system is down" is the first choice a customer in trouble sees. */
export const SEVERITIES: readonly SupportCaseSeverity[] = ["SYSTEM_DOWN", "PARTIAL", "QUESTION"];
const WEEKS_SHOWN = 3;
// "open" is what the dashboard's count of open cases links to.
const CASE_VIEWS = ["all", "open"] as const;
type CaseView = (typeof CASE_VIEWS)[number];
const CASE_FILTERS: Record<CaseView, SupportCaseFilter | null> = { all: null, open: { status: OPEN_CASE_STATUSES } };

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const view = viewFrom(url, CASE_VIEWS);
  const { api } = await apiFor(request);
  const now = new Date().toISOString();
  const from = todayInSweden();
  const data = await api.query(SupportPageDocument, {
    now,
    from,
    to: addDays(from, WEEKS_SHOWN * 7 - 1),
    filter: CASE_FILTERS[view],
    ...page.variables,
  });
  // A customer's own users ask for their organisation; a partner or the vendor names the customer.
  const customers = data.viewer?.organisation.kind === "CUSTOMER" ? [] : data.organisations.edges.map((e) => e.node);
  return {
    now,
    view,
    supportCalendar: data.supportCalendar,
    supportCases: data.supportCases,
    properties: data.properties.edges.map((e) => e.node),
    customers,
  };
}

type Opened = {
  number: string;
  id: string;
  responseDueAt: string | null;
  supportOpensAt: string | null;
  routing: { messageSv: string; message: string };
};
type ActionResult = FormResult<"open"> & { opened?: Opened };

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult> {
  // Logged in before the files are read: this form may send more than any other (request-body-limits.ts).
  const { api } = await apiFor(request);
  const form = await request.formData();
  const intent = intentOf(form, ["open"]);
  const values = {
    customerId: String(form.get("customerId") ?? ""),
    category: String(form.get("category") ?? ""),
    severity: String(form.get("severity") ?? ""),
    subject: String(form.get("subject") ?? ""),
    description: String(form.get("description") ?? ""),
    propertyId: String(form.get("propertyId") ?? ""),
  };
  const files = postedFiles(form);
  const check = checkAttachments(files);
  if (check !== "ok") return { intent, ok: false, values, errors: [formError("attachments", check)] };
  const severity = SEVERITIES.find((s) => s === values.severity);
  // The API would take a missing severity as PARTIAL (older clients); a person in the portal says it.
  if (!severity)
    return { intent, ok: false, values, errors: [formError("severity", "REQUIRED", "support.severity.required")] };
  const { openSupportCase } = await api.mutate(OpenSupportCaseDocument, {
    input: {
      category: (SUPPORT_CASE_CATEGORIES.find((c) => c === values.category) ?? "OTHER") as SupportCaseCategory,
      severity,
      subject: values.subject,
      description: values.description,
      propertyId: values.propertyId || null,
      customerId: values.customerId || null,
      attachments: await toAttachmentInputs(files),
    },
  });
  const c = openSupportCase.supportCase;
  if (!c) return { intent, ok: false, values, errors: formErrors(openSupportCase.userErrors) };
  return {
    intent,
    ok: true,
    values: {},
    errors: [],
    nonce: c.id,
    opened: {
      number: c.number,
      id: c.id,
      responseDueAt: c.responseDueAt ?? null,
      supportOpensAt: c.supportOpensAt ?? null,
      routing: c.routingReason,
    },
  };
}

/** The receipt after opening a case: its number, who answers and why, and when. */
function Receipt({ opened, now }: { opened: Opened; now: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <section
      className="alert alert-success"
      role="status"
      data-testid="case-receipt"
      data-due={opened.responseDueAt ?? ""}
      data-opens={opened.supportOpensAt ?? ""}
    >
      <p>
        <strong>{t("support.opened", { number: opened.number })}</strong>
      </p>
      {opened.supportOpensAt ? (
        <p data-testid="receipt-opens">
          {t("support.openedWhileClosed", {
            day: dayWords(lang, t, opened.supportOpensAt, now),
            time: clockTime(lang, opened.supportOpensAt),
          })}
        </p>
      ) : null}
      {opened.responseDueAt ? (
        <p data-testid="receipt-due">{t("support.answerBy", { when: formatDateTime(lang, opened.responseDueAt) })}</p>
      ) : null}
      <p>{lang === "sv" ? opened.routing.messageSv : opened.routing.message}</p>
      <p>
        <a href={`/support/${encodeURIComponent(opened.id)}`}>{t("support.showCase")}</a>
      </p>
    </section>
  );
}

type Named = readonly { id: string; name: string }[];

function NewCaseForm({
  properties,
  customers,
  result,
}: {
  properties: Named;
  customers: Named;
  result: ActionResult | undefined;
}) {
  const t = useT();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const failed = result && !result.ok ? result : undefined;
  const value = (name: string) => (failed?.values[name] as string | undefined) ?? "";
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      key={result?.ok ? result.nonce : "form"}
      aria-labelledby="new-case-title"
      className="stack"
      data-testid="new-case-form"
    >
      <input type="hidden" name="intent" value="open" />
      <FormErrors errors={failed?.errors ?? []} />
      {customers.length > 0 ? (
        <div className="field">
          <label htmlFor="case-customer">{t("support.case.customer")}</label>
          <select id="case-customer" name="customerId" required defaultValue={value("customerId")}>
            <option value="">{t("support.case.chooseCustomer")}</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="checks checks-column" data-testid="case-severity-choice">
        <legend>{t("support.case.severity")}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className="check">
            <input type="radio" name="severity" value={s} required defaultChecked={value("severity") === s} />
            <span>
              {t(`support.severity.${s}` as MessageKey)}
              <span className="muted small"> · {t(`support.severityHelp.${s}` as MessageKey)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="case-category">{t("support.case.category")}</label>
        <select
          id="case-category"
          name="category"
          defaultValue={value("category") || "TECHNICAL"}
          aria-describedby="category-help"
        >
          {SUPPORT_CASE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`support.category.${c}` as MessageKey)}
            </option>
          ))}
        </select>
        <div id="category-help" className="muted small">
          <p>{t("support.categoryHelp.vendor")}</p>
          <p>{t("support.categoryHelp.installer")}</p>
        </div>
      </div>
      {properties.length > 0 ? (
        <div className="field">
          <label htmlFor="case-property">{t("support.case.property")}</label>
          <select id="case-property" name="propertyId" defaultValue={value("propertyId")}>
            <option value="">{t("support.case.noProperty")}</option>
            {properties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="case-subject">{t("support.case.subject")}</label>
        <input id="case-subject" name="subject" required maxLength={200} defaultValue={value("subject")} />
      </div>
      <div className="field">
        <label htmlFor="case-description">{t("support.case.description")}</label>
        <textarea id="case-description" name="description" required rows={6} defaultValue={value("description")} />
      </div>
      <div className="field">
        <label htmlFor="case-attachments">{t("support.case.attachments")}</label>
        <input
          id="case-attachments"
          name="attachments"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-describedby="attachments-help"
          onChange={(event) => {
            const check = checkAttachments(Array.from(event.currentTarget.files ?? []));
            setTooBig(check === "ok" ? null : t(userErrorKey(check)));
            event.currentTarget.setCustomValidity(check === "ok" ? "" : t(userErrorKey(check)));
          }}
        />
        <p id="attachments-help" className="muted small">
          {t("support.attachmentsHelp", { kb: MAX_ATTACHMENT_BYTES / 1024 })}
        </p>
        {tooBig ? (
          <p className="field-error" role="alert" data-testid="attachments-too-big">
            {tooBig}
          </p>
        ) : null}
      </div>
      <SubmitButton intent="open" busyLabel={t("support.opening")}>
        {t("support.open")}
      </SubmitButton>
    </Form>
  );
}

export default function SupportPage() {
  const t = useT();
  const { now, view, supportCalendar, supportCases, properties, customers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const cases = supportCases.edges.map((e) => e.node);
  return (
    <>
      <div className="page-heading">
        <h1>{t("support.title")}</h1>
        <p className="muted">{t("support.intro")}</p>
      </div>
      <SupportStatus calendar={supportCalendar} now={now} />
      <section className="section" aria-labelledby="hours-title">
        <h2 id="hours-title">{t("support.hoursTitle")}</h2>
        <OpeningHours days={supportCalendar.openingHours} />
      </section>
      <section className="section" aria-labelledby="new-case-title">
        <h2 id="new-case-title">{t("support.newCase")}</h2>
        {result?.ok && result.opened ? <Receipt opened={result.opened} now={now} /> : null}
        <NewCaseForm properties={properties} customers={customers} result={result} />
      </section>
      <section className="section" aria-labelledby="cases-title">
        <h2 id="cases-title">{t("support.casesTitle")}</h2>
        <ViewSelect
          id="case-view"
          views={CASE_VIEWS}
          current={view}
          label="support.queueView"
          viewLabel={(v) => `support.caseView.${v}`}
          action="/support#cases-title"
        />
        {cases.length === 0 ? (
          <EmptyState title={view === "open" ? t("support.noOpenCases") : t("support.noCases")} />
        ) : (
          <SupportCaseList cases={cases} queue={false} caption={t("support.casesTitle")} />
        )}
        <Pagination pageInfo={supportCases.pageInfo} shown={cases.length} total={supportCases.totalCount} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
