import { Link } from "@remix-run/react";
import type { MonitoringBoardQuery } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { MaintenanceBadge, StateBadge } from "./state-badge";

type BoardCheck = MonitoringBoardQuery["monitoringBoard"]["edges"][number]["node"];

/** Down, late and paused checks across customers, each with its open incident's case and its customer. */
export function MonitoringBoardTable({ checks }: { checks: BoardCheck[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table data-testid="monitoring-board">
        <caption className="visually-hidden">{t("monitoring.boardTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("monitoring.state")}</th>
            <th scope="col">{t("monitoring.check")}</th>
            <th scope="col">{t("field.customer")}</th>
            <th scope="col">{t("monitoring.lastSeen")}</th>
            <th scope="col">{t("monitoring.case")}</th>
          </tr>
        </thead>
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
      </table>
    </div>
  );
}
