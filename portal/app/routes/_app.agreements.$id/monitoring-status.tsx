import { Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { SectionProps } from "./section-props";

type Check = SectionProps["agreement"]["monitoringChecks"][number];

/** A check really runs once it has heard from the installation and nobody has paused it. */
const running = (c: Check) => c.state !== "NEW" && c.state !== "PAUSED";

/**
 * What the monitoring add-on last saw: the promise of round-the-clock watching is made only where
 * checks really run; an add-on ordered but not yet reported to says so rather than promising.
 */
export function MonitoringStatus({ checks }: { checks: readonly Check[] }) {
  const t = useT();
  const lang = useLang();
  const live = checks.filter(running);
  if (live.length === 0)
    return (
      <p className="small" data-testid="monitoring-status">
        {t("agreement.monitoringNotYet")}
      </p>
    );
  const trouble = live.filter((c) => c.state !== "UP").length;
  const lastHeard = live
    .map((c) => c.lastPingAt)
    .filter((at): at is string => Boolean(at))
    .sort()
    .at(-1);
  return (
    <p className="small" data-testid="monitoring-status">
      {t("agreement.monitoringHint")}{" "}
      {t("agreement.monitoringSeen", {
        count: live.length,
        summary: trouble ? t("agreement.monitoringTrouble", { count: trouble }) : t("agreement.monitoringAllUp"),
        time: lastHeard ? formatDateTime(lang, lastHeard) : t("common.none"),
      })}{" "}
      <Link to="/monitoring">{t("agreement.monitoringLink")}</Link>
    </p>
  );
}
