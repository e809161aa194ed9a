import { Link } from "@remix-run/react";
import type { DashboardVisitFragment } from "~/graphql/graphql";
import { LOCALES } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/lib/dates";
import { agreementPath } from "./rows";
import { Panel } from "./tiles";

export interface DueVisit {
  agreement: { id: string; number: string };
  proposedOn: string;
}

/** "tisdag 12 januari" and "09:00", in Swedish time whatever the server's zone. */
function visitTime(lang: "sv" | "en", iso: string) {
  const at = new Date(iso);
  const zone = { timeZone: "Europe/Stockholm" } as const;
  return {
    day: new Intl.DateTimeFormat(LOCALES[lang], {
      ...zone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(at),
    time: new Intl.DateTimeFormat(LOCALES[lang], { ...zone, hour: "2-digit", minute: "2-digit" }).format(at),
  };
}

/**
 * A 500+ customer's annual visit: when the next one is, where and who comes; or, when the year's
 * visit is due and nobody has booked it, that it is not booked yet and which day was proposed.
 */
export function NextVisitPanel({ visit, due }: { visit: DashboardVisitFragment | null; due: readonly DueVisit[] }) {
  const t = useT();
  const lang = useLang();
  const when = visit ? visitTime(lang, visit.scheduledAt) : null;
  return (
    <Panel id="next-visit" title={t("dashboard.nextVisit")} empty={t("dashboard.noVisitBooked")}>
      {visit || due.length > 0 ? (
        <div className="visit-panel">
          {visit && when ? (
            <div className="visit-next" data-testid="next-visit" data-state={visit.state}>
              <p className="visit-when">
                <span className="visit-day">{when.day}</span>
                <span className="visit-time">{t("dashboard.visitAt", { time: when.time })}</span>
              </p>
              {visit.state === "OVERDUE" ? <p className="badge badge-redo">{t("dashboard.visitNotDone")}</p> : null}
              <dl className="visit-facts">
                <div>
                  <dt>{t("visits.property")}</dt>
                  <dd>{visit.property.name}</dd>
                </div>
                <div>
                  <dt>{t("visit.technician")}</dt>
                  <dd>{visit.technician.name}</dd>
                </div>
                <div>
                  <dt>{t("visits.agreement")}</dt>
                  <dd>{visit.agreement.number}</dd>
                </div>
              </dl>
              <Link className="tile-link" to={`/visits/${encodeURIComponent(visit.id)}`}>
                {t("dashboard.showVisit")} <span aria-hidden="true">→</span>
              </Link>
            </div>
          ) : null}
          {due.map((d) => (
            <div key={d.agreement.id} className="visit-due" data-testid="visit-due">
              <p className="visit-due-title">{t("dashboard.visitDueTitle")}</p>
              <p>
                {t("dashboard.visitDueText", { date: formatDay(lang, d.proposedOn), agreement: d.agreement.number })}
              </p>
              <Link to={`${agreementPath(d.agreement.id)}#visits`}>
                {t("dashboard.showAgreementVisits")} <span aria-hidden="true">→</span>
              </Link>
            </div>
          ))}
        </div>
      ) : null}
    </Panel>
  );
}
