import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { AgreementData } from "./section-props";

export function PeriodsTimeline({ agreement, today }: { agreement: AgreementData; today: string }) {
  const t = useT();
  const lang = useLang();
  // The period running today, of an agreement in force (activated, not ended by termination).
  const inForce = agreement.activatedAt != null && (agreement.terminatedOn == null || today <= agreement.terminatedOn);
  return (
    <section className="section" aria-labelledby="periods-title" id="history">
      <h2 id="periods-title">{t("agreement.periods")}</h2>
      <ol className="timeline" data-testid="periods">
        {agreement.periods.map((period) => {
          const current = inForce && period.startsOn <= today && today <= period.endsOn;
          const upcoming = agreement.activatedAt != null && agreement.terminatedOn == null && period.startsOn > today;
          return (
            <li
              key={period.id}
              className={current ? "timeline-item timeline-current" : "timeline-item"}
              aria-current={current ? "true" : undefined}
            >
              <span className="timeline-dot" aria-hidden="true" />
              <span className="timeline-title">{t("agreement.period", { n: period.sequence })}</span>
              <span className="timeline-dates">
                {formatDate(lang, period.startsOn)} – {formatDate(lang, period.endsOn)}
              </span>
              {current ? <span className="badge badge-agreement-active">{t("agreement.currentPeriod")}</span> : null}
              {upcoming ? <span className="badge">{t("agreement.upcomingPeriod")}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
