import { TIER_CODES } from "~/lib/enums";
import { agreementFilterOf, filterFromUrl, STATUS_CHOICES } from "~/lib/agreement-filter";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { AgreementStatusBadge, DaysLeft } from "~/components/agreement-status";
import { EmptyState, FilterActions, PageSizeField, Pagination } from "~/components/list-controls";
import { ErrorPanel } from "~/components/error-panel";
import { CsvExportLink } from "~/components/csv-export-link";
import { AgreementsDocument } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";

import { apiFor } from "~/lib/api.server";
import { useViewer } from "~/lib/use-viewer";
import { listAnswer, pageOrFirst } from "~/lib/list-link.server";
import { pageFromUrl } from "~/lib/paging";
import { LinkProblemsAlert } from "~/components/link-problems";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "agreements.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filter = filterFromUrl(url);
  const page = pageFromUrl(url);
  const { api } = await apiFor(request);
  // The API scopes the list: a customer sees its own agreements, a partner those it signed, a seller all.
  const { result, badCursor } = await pageOrFirst(page, (variables) =>
    api.query(AgreementsDocument, { filter: agreementFilterOf(filter), ...variables }),
  );
  return listAnswer(
    {
      agreements: result.agreements,
      status: filter.status ?? "",
      tier: filter.tier ?? "",
      endingBefore: filter.endingBefore ?? "",
      size: page.size,
    },
    { badCursor, badDate: filter.badEndingBefore },
  );
}

export default function AgreementsPage() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const { agreements, status, tier, endingBefore, size, problems } = useLoaderData<typeof loader>();
  const rows = agreements.edges.map((edge) => edge.node);
  const filtered = Boolean(status || tier || endingBefore);
  return (
    <>
      <div className="page-heading page-heading-actions">
        <div>
          <h1>{t("agreements.title")}</h1>
          <p className="muted">{t("agreements.intro")}</p>
        </div>
        <div className="page-heading-buttons">
          <CsvExportLink to="/agreements/csv" />
          <NewAgreementLink />
        </div>
      </div>
      <Form method="get" className="filters" aria-label={t("list.filters")} key={location.search}>
        <div className="field">
          <label htmlFor="status">{t("agreements.status")}</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="">{t("agreements.currentStatuses")}</option>
            {STATUS_CHOICES.map((s) => (
              <option key={s} value={s}>
                {s === "valid"
                  ? t("agreements.validStatuses")
                  : s === "all"
                    ? t("agreements.allStatuses")
                    : t(`agreementStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tier">{t("agreements.tier")}</label>
          <select id="tier" name="tier" defaultValue={tier}>
            <option value="">{t("agreements.allTiers")}</option>
            {TIER_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`tier.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="endingBefore">{t("agreements.endingBefore")}</label>
          <input id="endingBefore" type="date" name="endingBefore" defaultValue={endingBefore} />
        </div>
        <PageSizeField size={size} />
        <FilterActions submitLabel={t("agreements.filter")} filtered={filtered} />
      </Form>
      <LinkProblemsAlert problems={problems} />
      {rows.length === 0 ? (
        <EmptyState
          title={t("agreements.empty")}
          hint={
            filtered ? (
              t("agreements.emptyFiltered")
            ) : (
              <>
                {t("agreements.emptyHint")} <Link to="?status=all">{t("agreements.showAll")}</Link>
              </>
            )
          }
        />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <StackedTable
            caption={<caption className="visually-hidden">{t("agreements.caption")}</caption>}
            columns={[
              t("agreements.number"),
              t("field.customer"),
              t("agreements.partner"),
              t("agreements.tier"),
              t("agreements.status"),
              t("agreements.period"),
              t("agreements.daysLeftHeading"),
            ]}
          >
            <tbody>
              {rows.map((agreement) => (
                <tr key={agreement.id} data-agreement={agreement.number}>
                  <th scope="row" className="nowrap">
                    <Link
                      to={`/agreements/${encodeURIComponent(agreement.id)}`}
                      prefetch="intent"
                      aria-label={t("agreements.openLabel", {
                        number: agreement.number,
                        customer: agreement.customer.name,
                      })}
                    >
                      {agreement.number}
                    </Link>
                  </th>
                  <td>{agreement.customer.name}</td>
                  <td>{agreement.partner?.name ?? <span className="muted">{t("agreements.signedDirectly")}</span>}</td>
                  <td>{agreement.tier.name}</td>
                  <td>
                    <AgreementStatusBadge status={agreement.status} />
                  </td>
                  <td className="nowrap">
                    {formatDate(lang, agreement.startsOn)} –{" "}
                    {formatDate(lang, agreement.terminatedOn ?? agreement.endsOn)}
                  </td>
                  <td>
                    <DaysLeft days={agreement.daysLeft} />
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
      <Pagination pageInfo={agreements.pageInfo} shown={rows.length} total={agreements.totalCount} />
    </>
  );
}

/** Whoever the API lets create agreements (sellers and admins) starts one here. */
function NewAgreementLink() {
  const t = useT();
  if (!useViewer()?.viewerCanCreateAgreements) return null;
  return (
    <Link to="/agreements/new" className="button">
      {t("agreements.new")}
    </Link>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
