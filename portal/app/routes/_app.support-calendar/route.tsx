import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import {
  FormErrors,
  IntentButton,
  IntentForm,
  RowAction,
  SuccessNotice,
  useFormResult,
} from "~/components/intent-form";
import { EmptyState } from "~/components/list-controls";
import { OpeningHours } from "~/components/support-opening-hours";
import {
  RemoveSupportCalendarExceptionDocument,
  SetSupportCalendarExceptionDocument,
  SupportCalendarExceptionPreviewDocument,
  SupportCalendarPageDocument,
  type SupportCalendarExceptionPreviewQuery,
} from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { field, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { formatDay, isIsoDate, todayInSweden } from "~/lib/dates";
import { formErrors, inPageWords } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";
import { redirectToLogin } from "~/lib/session.server";
import { viewerOf } from "~/lib/viewer.server";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "calendar.title") }];

const INTENTS = ["setCalendarException", "removeCalendarException"] as const;
/** Three months ahead: what support plans for; further out, the holidays alone decide. */
const DAYS_AHEAD = 92;

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The proposed exception from the preview form (a GET, so the preview is a page one can reload). */
function proposedFrom(url: URL) {
  const date = url.searchParams.get("date") ?? "";
  if (!url.searchParams.has("preview")) return null;
  const time = (name: string) => url.searchParams.get(name)?.trim() || null;
  return { date, opensAt: time("opensAt"), closesAt: time("closesAt"), reason: url.searchParams.get("reason") ?? "" };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  if (!viewer.sections.includes("SUPPORT_CALENDAR")) throw new Response("Forbidden", { status: 403 });
  const canChange = viewer.sections.includes("SUPPORT_CALENDAR_KEEPING");
  const from = todayInSweden();
  const { supportCalendar } = await api.query(SupportCalendarPageDocument, { from, to: addDays(from, DAYS_AHEAD) });
  const proposed = canChange ? proposedFrom(url) : null;
  let preview = null;
  if (proposed) {
    if (!isIsoDate(proposed.date)) {
      preview = {
        proposed,
        moves: null,
        errors: [{ field: "date", code: "REQUIRED", key: "admin.error.REQUIRED" as const }],
      };
    } else {
      const answer = (await api.query(SupportCalendarExceptionPreviewDocument, { input: proposed }))
        .supportCalendarExceptionPreview;
      preview = { proposed, moves: answer.moves, errors: inPageWords(formErrors(answer.userErrors), "admin") };
    }
  }
  return { days: supportCalendar.openingHours, exceptions: supportCalendar.exceptions, canChange, preview };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = intentOf(form, INTENTS);
  const { api } = await apiFor(request);
  if (intent === "removeCalendarException") {
    const date = field(form, "targetId");
    return runAdminForm(
      intent,
      form,
      [],
      async () => {
        const payload = (await api.mutate(RemoveSupportCalendarExceptionDocument, { input: { date } }))
          .removeSupportCalendarException;
        return { userErrors: payload.userErrors, subject: date };
      },
      null,
      date,
    );
  }
  return runAdminForm(
    intent,
    form,
    [],
    async () => {
      const input = {
        date: field(form, "date"),
        opensAt: field(form, "opensAt") || null,
        closesAt: field(form, "closesAt") || null,
        reason: field(form, "reason"),
      };
      const payload = (await api.mutate(SetSupportCalendarExceptionDocument, { input })).setSupportCalendarException;
      return { userErrors: payload.userErrors, subject: input.date };
    },
    "date",
  );
}

type Moves = SupportCalendarExceptionPreviewQuery["supportCalendarExceptionPreview"]["moves"];

function DeadlineMoves({ moves }: { moves: Moves }) {
  const t = useT();
  const lang = useLang();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(lang, iso) : t("common.none"));
  if (!moves || moves.length === 0) return <EmptyState title={t("calendar.noMoves")} />;
  return (
    <div className="table-wrap" tabIndex={0}>
      <StackedTable
        data-testid="deadline-moves"
        caption={<caption className="visually-hidden">{t("calendar.moves", { count: moves.length })}</caption>}
        columns={[t("calendar.case"), t("calendar.responseDue"), t("calendar.resolutionDue")]}
      >
        <tbody>
          {moves.map((m) => (
            <tr key={m.supportCase.id} data-case={m.supportCase.number}>
              <th scope="row">
                <Link to={`/support/${encodeURIComponent(m.supportCase.id)}`}>{m.supportCase.number}</Link>
                <span className="cell-note">{m.supportCase.subject}</span>
              </th>
              <td className="tabular">
                {when(m.responseDueBefore)} → {when(m.responseDueAfter)}
              </td>
              <td className="tabular">
                {when(m.resolutionDueBefore)} → {when(m.resolutionDueAfter)}
              </td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </div>
  );
}

/**
 * The support calendar ahead for the vendor's support: the opening hours day by day with holidays and the vendor's
 * own closed or changed days. Admins add or remove such a day with a reason; adding one first shows which open
 * cases' deadlines it moves (issue 22: "before saving"), computed by the API from the calendar with the day in it.
 */
export default function SupportCalendarPage() {
  const t = useT();
  const lang = useLang();
  const { days, exceptions, canChange, preview } = useLoaderData<typeof loader>();
  // Once saved, the preview has done its work: the calendar below shows the day.
  const saved = useFormResult<(typeof INTENTS)[number]>("setCalendarException")?.ok === true;
  const proposed = saved ? undefined : preview?.proposed;
  // The preview's refusals (a missing reason, times the wrong way round), worded by the form kit.
  const refusals = preview?.errors ?? [];
  return (
    <>
      <div className="page-heading">
        <h1>{t("calendar.title")}</h1>
        <p className="muted">{t("calendar.intro")}</p>
      </div>
      <SuccessNotice intents={INTENTS} />
      {canChange ? (
        <section className="section" aria-labelledby="calendar-change">
          <h2 id="calendar-change">{t("calendar.change")}</h2>
          <p className="muted small">{t("calendar.changeHint")}</p>
          <Form method="get" className="stack" aria-label={t("calendar.change")}>
            <input type="hidden" name="preview" value="1" />
            <label htmlFor="calendar-date">{t("calendar.date")}</label>
            <input id="calendar-date" type="date" name="date" required defaultValue={proposed?.date ?? ""} />
            <fieldset>
              <legend>{t("calendar.hours")}</legend>
              <label htmlFor="calendar-opens">{t("calendar.opensAt")}</label>
              <input id="calendar-opens" type="time" name="opensAt" defaultValue={proposed?.opensAt ?? ""} />
              <label htmlFor="calendar-closes">{t("calendar.closesAt")}</label>
              <input id="calendar-closes" type="time" name="closesAt" defaultValue={proposed?.closesAt ?? ""} />
            </fieldset>
            <label htmlFor="calendar-reason">{t("calendar.reason")}</label>
            <input id="calendar-reason" name="reason" required maxLength={200} defaultValue={proposed?.reason ?? ""} />
            <div>
              <button type="submit" className="button button-secondary">
                {t("calendar.preview")}
              </button>
            </div>
          </Form>
          {preview && !saved ? (
            <div className="section" data-testid="calendar-preview" aria-live="polite">
              <FormErrors errors={refusals} />
              {preview.moves ? (
                <>
                  <h3>{t("calendar.previewTitle", { date: formatDay(lang, preview.proposed.date) })}</h3>
                  <DeadlineMoves moves={preview.moves} />
                  <IntentForm
                    intent="setCalendarException"
                    fields={["date", "opensAt", "closesAt", "reason"]}
                    hidden={{
                      date: preview.proposed.date,
                      opensAt: preview.proposed.opensAt ?? "",
                      closesAt: preview.proposed.closesAt ?? "",
                      reason: preview.proposed.reason,
                    }}
                    aria-label={t("calendar.save")}
                  >
                    {(f) => (
                      <>
                        {f.error("date")}
                        {f.error("reason")}
                        <IntentButton intent="setCalendarException" busy={t("calendar.saving")} className="button">
                          {t("calendar.save")}
                        </IntentButton>
                      </>
                    )}
                  </IntentForm>
                </>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
      <section className="section" aria-labelledby="calendar-exceptions">
        <h2 id="calendar-exceptions">{t("calendar.exceptions")}</h2>
        {exceptions.length === 0 ? (
          <EmptyState title={t("calendar.noExceptions")} />
        ) : (
          <ul className="plain-list" data-testid="calendar-exceptions">
            {exceptions.map((e) => (
              <li key={e.date} data-date={e.date}>
                <strong>{formatDay(lang, e.date)}</strong>{" "}
                {e.opensAt ? `${e.opensAt}–${e.closesAt}` : t("calendar.closed")} · {e.reason}
                {canChange ? (
                  <RowAction
                    intent="removeCalendarException"
                    target={e.date}
                    confirm={t("calendar.removeConfirm")}
                    busy={t("calendar.removing")}
                  >
                    {t("calendar.remove")}
                  </RowAction>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="calendar-days">
        <h2 id="calendar-days">{t("calendar.days")}</h2>
        <OpeningHours days={days} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
