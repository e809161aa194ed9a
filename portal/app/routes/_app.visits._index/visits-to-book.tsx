import { Link } from "@remix-run/react";
import { EmptyState, Pagination } from "~/components/list-controls";
import type { VisitsToBookQuery } from "~/graphql/graphql";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/lib/dates";
import { StackedTable } from "~/components/stacked-table";

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
          <StackedTable
            data-testid="visits-to-book"
            caption={<caption className="visually-hidden">{t("visits.show.to-book")}</caption>}
            columns={[t("visits.proposedOn"), t("visits.agreement"), t("visits.property"), t("visits.state")]}
          >
            <tbody>
              {rows.map((v) => (
                <tr key={v.agreement.id} data-agreement={v.agreement.number}>
                  <th scope="row">
                    <Link to={`/agreements/${encodeURIComponent(v.agreement.id)}#visits`}>
                      {formatDay(lang, v.proposedOn)}
                    </Link>
                  </th>
                  <td>
                    {v.agreement.number}
                    <span className="cell-note">{v.agreement.customer.name}</span>
                  </td>
                  <td>{v.agreement.properties.map((p) => p.name).join(", ")}</td>
                  <td>
                    <span className={v.late ? "badge badge-redo" : "badge"}>
                      {v.late ? t("visits.toBookLate") : t("visits.toBook")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
      <Pagination pageInfo={visits.pageInfo} shown={rows.length} total={visits.totalCount} />
    </>
  );
}
