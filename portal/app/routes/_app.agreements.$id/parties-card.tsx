import { formatDate, formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { AgreementData } from "./section-props";

export function PartiesCard({ agreement }: { agreement: AgreementData }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="parties-title">
      <h2 id="parties-title">{t("agreement.parties")}</h2>
      <dl className="facts">
        <dt>{t("field.customer")}</dt>
        <dd>
          {agreement.customer.name}
          <br />
          <span className="muted small tabular">{agreement.customer.organisationNumber}</span>
        </dd>
        <dt>{t("agreements.partner")}</dt>
        <dd>
          {agreement.partner ? (
            agreement.partner.name
          ) : (
            <span className="muted">{t("agreement.signedDirectlyLong")}</span>
          )}
        </dd>
        <dt>{t("agreement.seller")}</dt>
        <dd>
          {agreement.seller ? (
            <>
              {agreement.seller.name}
              <br />
              <a href={`mailto:${agreement.seller.email}`} className="small">
                {agreement.seller.email}
              </a>
            </>
          ) : (
            <span className="muted">{t("common.none")}</span>
          )}
        </dd>
        <dt>{t("agreements.tier")}</dt>
        <dd>{agreement.tier.name}</dd>
        <dt>{t("agreement.validity")}</dt>
        <dd>
          {formatDate(lang, agreement.startsOn)} – {formatDate(lang, agreement.terminatedOn ?? agreement.endsOn)}
        </dd>
        {agreement.activatedAt ? (
          <>
            <dt>{t("agreement.activatedAt")}</dt>
            <dd>{formatDateTime(lang, agreement.activatedAt)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
