import { Link } from "@remix-run/react";
import { DailyStatusStrip } from "@trygg/charts";
import type { MonitoringPageQuery } from "~/graphql/graphql";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { MaintenanceBadge, StateBadge } from "./state-badge";

type Page = Extract<NonNullable<MonitoringPageQuery["node"]>, { __typename: "Property" }>;
type Check = Page["monitoringChecks"][number];

const MB = 1024 * 1024;

/** One check: its state now, uptime per month, the 90-day strip, its incidents and, for a backup, its last runs. */
export function CheckCard({ check }: { check: Check }) {
  const t = useT();
  const lang = useLang();
  const backups =
    check.kind === "BACKUP_JOB"
      ? check.pings.edges.map((e) => e.node).filter((p) => p.signal !== "START" && p.sizeBytes != null)
      : [];
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${month}-15T12:00:00Z`));
  return (
    <article className="card monitoring-check" data-testid="monitoring-check" data-state={check.state}>
      <header className="monitoring-check-head">
        <h3>{check.name}</h3>
        <StateBadge state={check.state} />
        {check.inMaintenance ? <MaintenanceBadge /> : null}
      </header>
      <p className="muted small" data-testid="last-seen">
        {t(`monitoring.kind.${check.kind}`)} ·{" "}
        {check.lastPingAt
          ? t("monitoring.lastSeenAt", { time: formatDateTime(lang, check.lastPingAt) })
          : t("monitoring.neverSeen")}
      </p>
      <h4>{t("monitoring.uptimeTitle")}</h4>
      <dl className="facts monitoring-uptime">
        {check.uptime.map((m) => (
          <div key={m.month}>
            <dt>{monthName(m.month)}</dt>
            <dd className="tabular">
              {m.uptime == null
                ? t("monitoring.notJudged")
                : `${formatNumber(lang, Math.floor(m.uptime * 10_000) / 100)} %`}
              {m.maintenanceSeconds > 0 ? (
                <span className="muted small" data-testid="uptime-maintenance">
                  {" "}
                  {t("maintenance.uptimeApart", {
                    hours: formatNumber(lang, Math.round(m.maintenanceSeconds / 360) / 10),
                  })}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <h4>{t("monitoring.stripTitle")}</h4>
      <div className="monitoring-strip" data-testid="daily-strip">
        <DailyStatusStrip
          days={check.dailyStatus}
          title={t("monitoring.stripTitle")}
          describe={(d) => `${formatDate(lang, d.date)}: ${t(`monitoring.day.${d.status}`)}`}
        />
        <p className="muted small monitoring-strip-legend">
          {(["UP", "DOWN", "PAUSED", "NO_DATA"] as const).map((s) => (
            <span key={s} className={`legend legend-${s.toLowerCase()}`}>
              {t(`monitoring.day.${s}`)}
            </span>
          ))}
        </p>
      </div>
      <h4>{t("monitoring.incidentsTitle")}</h4>
      {check.incidents.length === 0 ? (
        <p className="muted small">{t("monitoring.noIncidents")}</p>
      ) : (
        <ul className="plain-list" data-testid="incidents">
          {check.incidents.map((i) => (
            <li key={i.id}>
              {formatDateTime(lang, i.startedAt)} –{" "}
              {i.resolvedAt ? formatDateTime(lang, i.resolvedAt) : t("monitoring.stillDown")} ·{" "}
              {t(`monitoring.incidentKind.${i.kind}`)}
              {i.supportCase ? (
                <>
                  {" "}
                  · <Link to={`/support/${encodeURIComponent(i.supportCase.id)}`}>{i.supportCase.number}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {check.kind === "BACKUP_JOB" ? (
        <>
          <h4>{t("monitoring.backupsTitle")}</h4>
          {backups.length === 0 ? (
            <p className="muted small">{t("monitoring.noBackups")}</p>
          ) : (
            <ul className="plain-list" data-testid="backups">
              {backups.slice(0, 7).map((b) => (
                <li key={b.receivedAt}>
                  {formatDateTime(lang, b.receivedAt)} ·{" "}
                  <span className="tabular">{formatNumber(lang, Math.round((b.sizeBytes! / MB) * 10) / 10)} MB</span>
                  {b.signal === "FAIL" || b.anomaly ? ` · ${t("monitoring.backupFailed")}` : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </article>
  );
}
