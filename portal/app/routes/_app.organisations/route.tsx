import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState, Pagination, SearchForm } from "~/components/list-controls";
import { ErrorPanel } from "~/components/error-panel";
import { CsvExportLink } from "~/components/csv-export-link";
import { OrganisationsDocument, type OrganisationKind } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { listAnswer, pageOrFirst } from "~/lib/list-link.server";
import { pageFromUrl, searchFromUrl } from "~/lib/paging";
import { LinkProblemsAlert } from "~/components/link-problems";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "organisations.title") }];

const KINDS: readonly OrganisationKind[] = ["VENDOR", "PARTNER", "CUSTOMER"];

function kindFromUrl(url: URL): OrganisationKind | undefined {
  const kind = url.searchParams.get("kind");
  return KINDS.find((k) => k === kind);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const search = searchFromUrl(url);
  const kind = kindFromUrl(url);
  const page = pageFromUrl(url);
  const { api } = await apiFor(request);
  const { result, badCursor } = await pageOrFirst(page, (variables) =>
    api.query(OrganisationsDocument, { filter: { search, kind }, ...variables }),
  );
  return listAnswer(
    { organisations: result.organisations, q: search ?? "", kind: kind ?? "", size: page.size },
    { badCursor },
  );
}

export default function OrganisationsPage() {
  const t = useT();
  const lang = useLang();
  const { organisations, q, kind, size, problems } = useLoaderData<typeof loader>();
  const rows = organisations.edges.map((edge) => edge.node);
  return (
    <>
      <div className="page-heading">
        <h1>{t("organisations.title")}</h1>
        <p className="muted">{t("organisations.intro")}</p>
        <CsvExportLink to="/organisations/csv" />
      </div>
      <SearchForm searchLabel={t("organisations.search")} q={q} size={size}>
        <div className="field">
          <label htmlFor="kind">{t("field.kind")}</label>
          <select id="kind" name="kind" defaultValue={kind}>
            <option value="">{t("organisations.allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      <LinkProblemsAlert problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title={t("organisations.empty")} hint={q || kind ? t("list.tryAgain") : undefined} />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <StackedTable
            caption={<caption className="visually-hidden">{t("organisations.caption")}</caption>}
            columns={[t("field.name"), t("field.kind"), t("field.organisationNumber"), t("field.registered")]}
          >
            <tbody>
              {rows.map((org) => (
                <tr key={org.id}>
                  <th scope="row">
                    <Link to={`/organisations/${encodeURIComponent(org.id)}`}>{org.name}</Link>
                  </th>
                  <td>
                    <span className={`badge badge-${org.kind.toLowerCase()}`}>{t(`kind.${org.kind}`)}</span>
                  </td>
                  <td className="tabular">{org.organisationNumber}</td>
                  <td>{formatDate(lang, org.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
      <Pagination pageInfo={organisations.pageInfo} shown={rows.length} total={organisations.totalCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
