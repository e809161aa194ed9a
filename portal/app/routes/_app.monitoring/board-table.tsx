import { Link } from "@remix-run/react";
import type { MonitoringBoardQuery } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { MaintenanceBadge, StateBadge } from "./state-badge";
import { StackedTable } from "~/components/stacked-table";

type BoardCheck = MonitoringBoardQuery["monitoringBoard"]["edges"][number]["node"];

/** Down, late and paused checks across customers, each with its open incident's case and its customer. */
export function MonitoringBoardTable({ checks }: { checks: BoardCheck[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="table-wrap" tabIndex={0}>
      <StackedTable
        data-testid="monitoring-board"
        caption={<caption className="visually-hidden">{t("monitoring.boardTitle")}</caption>}
        columns={[
          t("monitoring.state"),
          t("monitoring.check"),
          t("field.customer"),
          t("monitoring.lastSeen"),
          t("monitoring.case"),
        ]}
      >
        <tbody>
          {checks.map((check) => {
            const open = check.incidents.find((i) => !i.resolvedAt);
            return (
              <tr key={check.id} data-state={check.state} data-maintenance={check.inMaintenance ? "true" : undefined}>
                <td>
                  <StateBadge state={check.state} />
                  {check.inMaintenance ? (
                    <>
                      {" "}
                      <MaintenanceBadge />
                    </>
                  ) : null}
                </td>
                <td>
                  {check.name}
                  {check.property ? (
                    <div className="small">
                      {/* The installation's page: its checks, and planning its maintenance. */}
                      <Link to={`/monitoring?property=${encodeURIComponent(check.property.id)}`}>
                        {check.property.name}
                      </Link>
                    </div>
                  ) : null}
                </td>
                <td>
                  {check.property ? (
                    <Link to={`/organisations/${encodeURIComponent(check.property.customer.id)}`}>
                      {check.property.customer.name}
                    </Link>
                  ) : (
                    <span className="muted">{t("common.none")}</span>
                  )}
                </td>
                <td className="tabular">
                  {check.lastPingAt ? formatDateTime(lang, check.lastPingAt) : t("monitoring.neverSeen")}
                </td>
                <td>
                  {open?.supportCase ? (
                    <Link to={`/support/${encodeURIComponent(open.supportCase.id)}`}>{open.supportCase.number}</Link>
                  ) : (
                    <span className="muted">{t("common.none")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </StackedTable>
    </div>
  );
}
