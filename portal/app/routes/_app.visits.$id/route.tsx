import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { DatabaseSizeChart } from "@trygg/charts";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, ResultErrors, SuccessNotice, useFormResult } from "~/components/intent-form";
import { AcknowledgeVisitProtocolDocument, VisitProtocolDocument } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { refused, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";
import { BookingControls } from "./booking-controls";
import { BOOKING_INTENTS, type BookingIntent } from "./booking-intents";
import { runBookingIntent } from "./booking.server";
import { CheckActionItem, ProtocolCorrection, ProtocolMailing } from "./follow-up";
import { CUSTOMER_ROLES, PROTOCOL_SENDERS, TECHNICIANS, isOneOf } from "@trygg/roles";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "visit.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const data = await api.query(VisitProtocolDocument, { id: params.id ?? "" });
  const visit = data.node && "checks" in data.node ? data.node : null;
  if (!visit) throw new Response("Not found", { status: 404 });
  const mayChangeBooking =
    !!data.viewer?.sections.includes("VISIT_BOOKING") && (visit.state === "BOOKED" || visit.state === "OVERDUE");
  const booked = new URL(request.url).searchParams.has("booked");
  return { visit, role: data.viewer?.user.role ?? null, mayChangeBooking, booked };
}

/** The customer's one form: acknowledging the finished protocol; the page then shows who did. */
export async function action({
  request,
  params,
}: ActionFunctionArgs): Promise<FormResult<"acknowledge" | BookingIntent>> {
  const form = await request.formData();
  const intent = intentOf(form, ["acknowledge", ...BOOKING_INTENTS]);
  const { api } = await apiFor(request);
  if (intent !== "acknowledge") return runBookingIntent(api, params.id ?? "", intent, form);
  const { acknowledgeVisitProtocol: r } = await api.mutate(AcknowledgeVisitProtocolDocument, {
    visitId: params.id ?? "",
  });
  return r.userErrors.length > 0 ? refused(intent, r.userErrors) : { intent, ok: true, errors: [], values: {} };
}

const RESULT_CLASS: Record<string, string> = { OK: "badge", NEEDS_ACTION: "badge badge-redo", NOT_APPLICABLE: "badge" };

/** The customer's read view of a visit protocol: checks, the size chart, the PDF, acknowledgement, action items. */
export default function VisitPage() {
  const t = useT();
  const lang = useLang();
  const { visit, role, mayChangeBooking, booked } = useLoaderData<typeof loader>();
  const acknowledgement = useFormResult("acknowledge");
  const latest = visit.protocolVersions[0];
  const items = visit.checks.flatMap((c) => (c.actionItem ? [c.actionItem] : []));
  const customer = isOneOf(role, CUSTOMER_ROLES);
  const mayAcknowledge = customer && !visit.acknowledgement && visit.completedAt != null;
  const technician = isOneOf(role, TECHNICIANS);
  return (
    <>
      <div className="page-heading">
        <h1>{t("visit.title")}</h1>
        <p className="muted">
          <Link to={`/agreements/${visit.agreement.id}`}>{visit.agreement.number}</Link> · {visit.property.name},{" "}
          {visit.property.streetAddress}, {visit.property.city} · {formatDateTime(lang, visit.scheduledAt)} ·{" "}
          {t("visit.technician")}: {visit.technician.name}
        </p>
        <p>
          <span className="badge" data-testid="visit-state">
            {t(`visit.state.${visit.state}`)}
          </span>
          {!visit.completedAt && technician ? (
            <>
              {" "}
              <Link to={`/visits/${encodeURIComponent(visit.id)}/protocol`} className="button button-small">
                {t("visit.fillIn")}
              </Link>
            </>
          ) : null}
          {latest ? (
            <span className="muted small">
              {" "}
              · {t("visit.version", { version: latest.version })}
              {latest.reason ? ` – ${latest.reason}` : ""}
            </span>
          ) : null}
        </p>
      </div>

      {booked && visit.state === "BOOKED" ? (
        <p className="alert alert-success" role="status" data-testid="visit-booked">
          {t("visitTimes.bookedAt", { at: formatDateTime(lang, visit.scheduledAt) })}
        </p>
      ) : null}
      <SuccessNotice intents={BOOKING_INTENTS} />
      {mayChangeBooking ? <BookingControls scheduledAt={visit.scheduledAt} version={visit.version} /> : null}

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">{t("visit.checks")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <StackedTable data-testid="visit-checks" columns={[t("visit.check"), t("visit.result"), t("visit.note")]}>
            <tbody>
              {visit.checks.map((c) => (
                <tr key={c.kind}>
                  <th scope="row">{lang === "en" ? c.titleEn : c.titleSv}</th>
                  <td>
                    {c.result ? (
                      <span className={RESULT_CLASS[c.result]}>{t(`visit.result.${c.result}`)}</span>
                    ) : (
                      t("visit.notRecorded")
                    )}
                  </td>
                  <td>
                    {c.note || "–"}
                    {c.databaseSizeMb != null ? (
                      <span className="cell-note">
                        {c.databaseSizeMb.toLocaleString(lang === "en" ? "en-GB" : "sv-SE")} MB
                      </span>
                    ) : null}
                    {technician ? (
                      <CheckActionItem visitId={visit.id} agreementId={visit.agreement.id} check={c} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      </section>

      <section className="section" aria-labelledby="size-title">
        <h2 id="size-title">{t("visit.sizeTitle")}</h2>
        {visit.databaseSize.changeMb != null ? (
          <p data-testid="size-change">
            {t("visit.sizeChange", {
              change: `${visit.databaseSize.changeMb >= 0 ? "+" : ""}${visit.databaseSize.changeMb}`,
              percent: visit.databaseSize.changePercent ?? "–",
            })}
          </p>
        ) : null}
        {visit.databaseSize.points.length > 0 ? (
          <div data-testid="size-chart" className="chart-fit">
            <DatabaseSizeChart
              points={visit.databaseSize.points}
              width={560}
              height={240}
              label={t("visit.sizeTitle")}
            />
          </div>
        ) : (
          <p className="muted">{t("visit.noReadings")}</p>
        )}
      </section>

      <section className="section" aria-labelledby="sign-title">
        <h2 id="sign-title">{t("visit.signature")}</h2>
        {visit.signature ? (
          <figure>
            <img
              src={visit.signature.imageDataUrl}
              alt={t("visit.signatureOf", { name: visit.signature.signedByName })}
              style={{ maxWidth: 280, background: "#fff" }}
            />
            <figcaption>
              {t("visit.signedBy", {
                name: visit.signature.signedByName,
                at: formatDateTime(lang, visit.signature.signedAt),
              })}
            </figcaption>
          </figure>
        ) : null}
        {visit.acknowledgement ? (
          <p data-testid="acknowledged">
            {t("visit.acknowledgedBy", {
              name: visit.acknowledgement.by.name,
              at: formatDateTime(lang, visit.acknowledgement.acknowledgedAt),
            })}
          </p>
        ) : mayAcknowledge ? (
          <IntentForm intent="acknowledge" aria-label={t("visit.acknowledge")}>
            {() => (
              <IntentButton intent="acknowledge" busy={t("visit.acknowledging")}>
                {t("visit.acknowledge")}
              </IntentButton>
            )}
          </IntentForm>
        ) : !visit.signature ? (
          <p className="muted">{t("visit.notSigned")}</p>
        ) : null}
        {/* The form shows its own errors; a refusal where the page offers none (an old tab) shows here. */}
        {mayAcknowledge ? null : <ResultErrors result={acknowledgement} />}
        {isOneOf(role, PROTOCOL_SENDERS) ? (
          <ProtocolMailing visitId={visit.id} completed={visit.completedAt != null} sentAt={visit.protocolSentAt} />
        ) : null}
        {technician && visit.completedAt ? <ProtocolCorrection visitId={visit.id} checks={visit.checks} /> : null}
        {visit.completedAt ? (
          <p>
            <a
              className="button button-secondary"
              href={`/visits/${encodeURIComponent(visit.id)}/protocol.pdf`}
              download
            >
              {t("visit.downloadPdf")}
            </a>
          </p>
        ) : null}
      </section>

      <section className="section" aria-labelledby="items-title">
        <h2 id="items-title">{t("visit.actionItems")}</h2>
        {items.length === 0 ? (
          <p className="muted">{t("visit.noActionItems")}</p>
        ) : (
          <ul className="link-list" data-testid="visit-action-items">
            {items.map((i) => (
              <li key={i.id}>
                <Link to={`/agreements/${visit.agreement.id}/tailoring`}>{i.title}</Link>{" "}
                <span className="muted small">
                  · {t(`tailoring.owner.${i.owner}`)} · {t(`tailoring.itemStatus.${i.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
