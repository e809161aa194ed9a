import { Link } from "@remix-run/react";
import type { ServiceVisitState } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { StackedTable } from "./stacked-table";

export interface VisitRow {
  id: string;
  scheduledAt: string;
  state: ServiceVisitState;
  property: { name: string };
  technician: { name: string };
  agreement?: { number: string; customer: { name: string } };
}

/** Visits by time, each linking to its page; the agreement column when they are of several agreements. */
export function VisitTable({ visits, testId }: { visits: readonly VisitRow[]; testId: string }) {
  const t = useT();
  const lang = useLang();
  const withAgreement = visits.some((v) => v.agreement);
  return (
    <div className="table-wrap" tabIndex={0}>
      <StackedTable
        data-testid={testId}
        columns={[
          t("visits.when"),
          withAgreement && t("visits.agreement"),
          t("visits.property"),
          t("visit.technician"),
          t("visits.state"),
        ]}
      >
        <tbody>
          {visits.map((v) => (
            <tr key={v.id} data-state={v.state}>
              <th scope="row">
                <Link to={`/visits/${encodeURIComponent(v.id)}`}>{formatDateTime(lang, v.scheduledAt)}</Link>
              </th>
              {withAgreement ? (
                <td>
                  {v.agreement?.number}
                  <span className="cell-note">{v.agreement?.customer.name}</span>
                </td>
              ) : null}
              <td>{v.property.name}</td>
              <td>{v.technician.name}</td>
              <td>
                <span className={v.state === "OVERDUE" ? "badge badge-redo" : "badge"}>
                  {t(`visit.state.${v.state}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </div>
  );
}
