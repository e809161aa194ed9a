import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState, Pagination, SearchForm } from "~/components/list-controls";
import { ErrorPanel } from "~/components/error-panel";
import { CsvExportLink } from "~/components/csv-export-link";
import { PropertiesDocument } from "~/graphql/graphql";
import { formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { listAnswer, pageOrFirst } from "~/lib/list-link.server";
import { pageFromUrl, searchFromUrl } from "~/lib/paging";
import { LinkProblemsAlert } from "~/components/link-problems";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "properties.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const search = searchFromUrl(url);
  const page = pageFromUrl(url);
  const { api } = await apiFor(request);
  const { result, badCursor } = await pageOrFirst(page, (variables) =>
    api.query(PropertiesDocument, { filter: { search }, ...variables }),
  );
  return listAnswer({ properties: result.properties, q: search ?? "", size: page.size }, { badCursor });
}

export default function PropertiesPage() {
  const t = useT();
  const lang = useLang();
  const { properties, q, size, problems } = useLoaderData<typeof loader>();
  const rows = properties.edges.map((edge) => edge.node);
  return (
    <>
      <div className="page-heading">
        <h1>{t("properties.title")}</h1>
        <p className="muted">{t("properties.intro")}</p>
        <CsvExportLink to="/properties/csv" />
      </div>
      <SearchForm searchLabel={t("properties.search")} q={q} size={size} />
      <LinkProblemsAlert problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title={t("properties.empty")} hint={q ? t("list.tryAgain") : undefined} />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <StackedTable
            caption={<caption className="visually-hidden">{t("properties.caption")}</caption>}
            columns={[
              t("field.property"),
              t("field.address"),
              { label: t("field.apartments"), className: "numeric" },
              t("field.customer"),
              t("field.installer"),
            ]}
          >
            <tbody>
              {rows.map((property) => (
                <tr key={property.id}>
                  <th scope="row">
                    <Link to={`/properties/${encodeURIComponent(property.id)}`}>{property.name}</Link>
                  </th>
                  <td>
                    {property.streetAddress}
                    <br />
                    <span className="muted">
                      {property.postalCode} {property.city}
                    </span>
                  </td>
                  <td className="numeric tabular">{formatNumber(lang, property.apartments)}</td>
                  <td>
                    <Link to={`/organisations/${encodeURIComponent(property.customer.id)}`}>
                      {property.customer.name}
                    </Link>
                  </td>
                  <td>{property.installer?.name ?? <span className="muted">{t("properties.noInstaller")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
      <Pagination pageInfo={properties.pageInfo} shown={rows.length} total={properties.totalCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
