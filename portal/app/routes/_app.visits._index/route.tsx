import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { EmptyState, Pagination } from "~/components/list-controls";
import { VisitTable } from "~/components/visit-table";
import { VisitCalendarDocument, VisitsToBookDocument } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { pageFromUrl } from "~/lib/paging";
import { VisitsToBookTable } from "./visits-to-book";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "visits.title") }];

const STATES = ["upcoming", "overdue", "done", "to-book"] as const;
type Shown = (typeof STATES)[number] | "all";

/** The visit calendar: every visit the viewer's agreements have (support staff: all), by state. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const state = (STATES as readonly string[]).includes(url.searchParams.get("state") ?? "")
    ? (url.searchParams.get("state") as Shown)
    : "all";
  const { api } = await apiFor(request);
  const page = pageFromUrl(url).variables;
  // Not booked yet, so no visit exists: the list is of the agreements whose annual visit is due.
  if (state === "to-book")
    return { state, toBook: (await api.query(VisitsToBookDocument, page)).visitsToBook, visits: null };
  const data = await api.query(VisitCalendarDocument, {
    overdue: state === "overdue",
    upcoming: state === "upcoming",
    done: state === "done",
    ...page,
  });
  return { state, visits: data.serviceVisits, toBook: null };
}

export default function VisitCalendarPage() {
  const t = useT();
  const { state, visits, toBook } = useLoaderData<typeof loader>();
  const rows = visits?.edges.map((e) => e.node) ?? [];
  return (
    <>
      <div className="page-heading">
        <h1>{t("visits.title")}</h1>
        <nav aria-label={t("visits.filter")} className="filter-links">
          {(["all", ...STATES] as const).map((s) => (
            <Link
              key={s}
              to={s === "all" ? "/visits" : `/visits?state=${s}`}
              className={`button button-small ${s === state ? "" : "button-secondary"}`}
              aria-current={s === state ? "page" : undefined}
            >
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
        <VisitTable visits={rows} testId="visit-calendar" />
      )}
      {visits ? <Pagination pageInfo={visits.pageInfo} shown={rows.length} total={visits.totalCount} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
