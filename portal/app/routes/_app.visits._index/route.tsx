import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { EmptyState, Pagination } from "~/components/list-controls";
import { VisitCalendarDocument, VisitsToBookDocument } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { pageFromUrl } from "~/lib/paging";
import { VisitsToBookTable } from "./visits-to-book";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "visits.title") }];

const STATES = ["upcoming", "overdue", "done", "to-book"] as const;
type Shown = (typeof STATES)[number] | "all";

/** The visit calendar: every visit the viewer's agreements have (support staff: all), by state. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const state = (STATES as readonly string[]).includes(url.searchParams.get("state") ?? "") ? (url.searchParams.get("state") as Shown) : "all";
  const { api } = await apiFor(request);
  const page = pageFromUrl(url).variables;
  // Not booked yet, so no visit exists: the list is of the agreements whose annual visit is due.
  if (state === "to-book") return { state, toBook: (await api.query(VisitsToBookDocument, page)).visitsToBook, visits: null };
  const data = await api.query(VisitCalendarDocument, { overdue: state === "overdue", upcoming: state === "upcoming", done: state === "done", ...page });
  return { state, visits: data.serviceVisits, toBook: null };
}

export default function VisitCalendarPage() {
  const t = useT();
  const lang = useLang();
  const { state, visits, toBook } = useLoaderData<typeof loader>();
  const rows = visits?.edges.map((e) => e.node) ?? [];
  return (
    <>
      <div className="page-heading">
        <h1>{t("visits.title")}</h1>
        <nav aria-label={t("visits.filter")} className="filter-links">
          {(["all", ...STATES] as const).map((s) => (
            <Link key={s} to={s === "all" ? "/visits" : `/visits?state=${s}`} className={`button button-small ${s === state ? "" : "button-secondary"}`} aria-current={s === state ? "page" : undefined}>
              {t(`visits.show.${s}`)}
            </Link>
          ))}
        </nav>
      </div>
      {toBook ? (
        <VisitsToBookTable visits={toBook} />
      ) : rows.length === 0 ? (
        <EmptyState title={t("visits.empty")} />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table data-testid="visit-calendar">
            <thead>
              <tr>
                <th scope="col">{t("visits.when")}</th>
                <th scope="col">{t("visits.agreement")}</th>
                <th scope="col">{t("visits.property")}</th>
                <th scope="col">{t("visit.technician")}</th>
                <th scope="col">{t("visits.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id} data-state={v.state}>
                  <th scope="row">
                    <Link to={`/visits/${encodeURIComponent(v.id)}`}>{formatDateTime(lang, v.scheduledAt)}</Link>
                  </th>
                  <td>
                    {v.agreement.number}
                    <span className="cell-note">{v.agreement.customer.name}</span>
                  </td>
                  <td>{v.property.name}</td>
                  <td>{v.technician.name}</td>
                  <td>
                    <span className={v.state === "OVERDUE" ? "badge badge-redo" : "badge"}>{t(`visit.state.${v.state}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {visits ? <Pagination pageInfo={visits.pageInfo} shown={rows.length} total={visits.totalCount} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
