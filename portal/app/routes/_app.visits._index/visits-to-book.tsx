import { Link } from "@remix-run/react";
import { EmptyState, Pagination } from "~/components/list-controls";
import type { VisitsToBookQuery } from "~/graphql/graphql";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/lib/dates";

/** Annual visits due and not booked: the proposed day, the agreement (where it is booked) and its properties. */
export function VisitsToBookTable({ visits }: { visits: VisitsToBookQuery["visitsToBook"] }) {
  const t = useT();
  const lang = useLang();
  const rows = visits.edges.map((e) => e.node);
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title={t("visits.noneToBook")} />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table data-testid="visits-to-book" className="stack-on-phone">
            <caption className="visually-hidden">{t("visits.show.to-book")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("visits.proposedOn")}</th>
                <th scope="col">{t("visits.agreement")}</th>
                <th scope="col">{t("visits.property")}</th>
                <th scope="col">{t("visits.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.agreement.id} data-agreement={v.agreement.number}>
                  <th scope="row">
                    <Link to={`/agreements/${encodeURIComponent(v.agreement.id)}#visits`}>
                      {formatDay(lang, v.proposedOn)}
                    </Link>
                  </th>
                  <td data-label={t("visits.agreement")}>
                    {v.agreement.number}
                    <span className="cell-note">{v.agreement.customer.name}</span>
                  </td>
                  <td data-label={t("visits.property")}>{v.agreement.properties.map((p) => p.name).join(", ")}</td>
                  <td data-label={t("visits.state")}>
                    <span className={v.late ? "badge badge-redo" : "badge"}>
                      {v.late ? t("visits.toBookLate") : t("visits.toBook")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pageInfo={visits.pageInfo} shown={rows.length} total={visits.totalCount} />
    </>
  );
}
