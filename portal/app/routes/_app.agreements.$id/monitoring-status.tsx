import { Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { monitoringLine, type CheckSeen } from "./monitoring-line";

/**
 * What the monitoring add-on last saw: the promise of round-the-clock watching is made only where
 * checks really run; an add-on ordered but not yet reported to says so rather than promising.
 */
export function MonitoringStatus({ checks }: { checks: readonly CheckSeen[] }) {
  const t = useT();
  const lang = useLang();
  const line = monitoringLine(checks);
  if (!line.live)
    return (
      <p className="small" data-testid="monitoring-status">
        {t("agreement.monitoringNotYet")}
      </p>
    );
  return (
    <p className="small" data-testid="monitoring-status">
      {t("agreement.monitoringHint")}{" "}
      {t("agreement.monitoringSeen", {
        count: line.running,
        summary: line.trouble
          ? t("agreement.monitoringTrouble", { count: line.trouble })
          : t("agreement.monitoringAllUp"),
        time: line.lastHeard ? formatDateTime(lang, line.lastHeard) : t("common.none"),
      })}{" "}
      <Link to="/monitoring">{t("agreement.monitoringLink")}</Link>
    </p>
  );
}
