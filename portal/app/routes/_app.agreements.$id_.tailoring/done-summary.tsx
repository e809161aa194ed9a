import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/lib/dates";
import { type PageAgreement, type PagePlan } from "./types";

/** All five steps done: progress, the agreed end date and the next service visit. */
export function DoneSummary({ agreement, plan }: { agreement: PageAgreement; plan: PagePlan }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card section done-summary" aria-labelledby="done-title">
      <h2 id="done-title">{t("tailoring.done.heading")}</h2>
      <div className="progress-block">
        <p className="progress-label" id="progress-label">
          {t("tailoring.done.progress", { percent: plan.percentDone })}
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={plan.percentDone}
        >
          <span className="progress-fill" style={{ width: `${plan.percentDone}%` }} />
        </div>
      </div>
      <dl className="facts">
        <dt>{t("tailoring.done.endOn")}</dt>
        <dd data-testid="agreed-end-date">{plan.endOn ? formatDay(lang, plan.endOn) : t("common.none")}</dd>
        <dt>{t("tailoring.done.agreedBy")}</dt>
        <dd>
          {[plan.vendorAgreedBy?.name, plan.customerAgreedBy?.name].filter(Boolean).join(", ") || t("common.none")}
        </dd>
      </dl>
      {plan.proposedServiceVisitOn ? (
        <p className="alert alert-info service-visit" data-testid="service-visit">
          {t("tailoring.done.visit", { date: formatDay(lang, plan.proposedServiceVisitOn) })}
        </p>
      ) : !agreement.tier.annualVisit ? (
        <p className="muted" data-testid="service-visit">
          {t("tailoring.done.noVisit", { tier: agreement.tier.name })}
        </p>
      ) : null}
      {plan.itemsPastEndDate.length > 0 ? (
        <p className="alert alert-error" role="status">
          {t("tailoring.done.late", { count: plan.itemsPastEndDate.length })}
        </p>
      ) : null}
    </section>
  );
}
