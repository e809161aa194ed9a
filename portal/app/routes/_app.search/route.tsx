import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState } from "~/components/list-controls";
import { ErrorPanel } from "~/components/error-panel";
import { SearchDocument, type SearchQuery } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "search.title") }];

/** The API takes 1 to 100 characters; anything else is no search at all rather than an error page. */
function queryFromUrl(url: URL): string {
  return (url.searchParams.get("q") ?? "").trim().slice(0, 100);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const q = queryFromUrl(new URL(request.url));
  if (!q) return { q, results: [] };
  const { api } = await apiFor(request);
  const { search } = await api.query(SearchDocument, { query: q, first: 30 });
  return { q, results: search };
}

type Result = SearchQuery["search"][number];

/** Where a result leads: the page that shows the thing found. */
function linkTo(result: Result): string {
  const id = encodeURIComponent(result.nodeId);
  switch (result.kind) {
    case "AGREEMENT":
      return `/agreements/${id}`;
    case "ORGANISATION":
      return `/organisations/${id}`;
    case "PROPERTY":
      return `/properties/${id}`;
  }
}

export default function SearchPage() {
  const t = useT();
  const { q, results } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>{t("search.title")}</h1>
        {q ? (
          <p className="muted">{t("search.resultsFor", { count: results.length, q })}</p>
        ) : (
          <p className="muted">{t("search.intro")}</p>
        )}
      </div>
      {q && results.length === 0 ? <EmptyState title={t("search.empty")} hint={t("search.hint")} /> : null}
      {results.length > 0 ? (
        <ul className="search-results">
          {results.map((result) => (
            <li key={result.nodeId} className="search-result">
              <span className={`badge badge-${(result.organisationKind ?? result.kind).toLowerCase()}`}>
                {result.organisationKind ? t(`kind.${result.organisationKind}`) : t(`search.kind.${result.kind}`)}
              </span>
              <Link to={linkTo(result)} className="search-result-title">
                {result.title}
              </Link>
              <span className="muted small">{result.subtitle}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
