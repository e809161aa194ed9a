import type { ReactNode } from "react";
import { formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { AgreementData } from "./section-props";

function Benefit({ included, children }: { included: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <li className={included ? "benefit benefit-yes" : "benefit benefit-no"}>
      <span className="benefit-mark" aria-hidden="true">
        {included ? "✓" : "–"}
      </span>
      <span>
        {children}
        {included ? null : <span className="benefit-note"> ({t("agreement.notIncluded")})</span>}
      </span>
    </li>
  );
}

export function TierCard({ agreement }: { agreement: AgreementData }) {
  const t = useT();
  const lang = useLang();
  const { tier } = agreement;
  // An agreement that has ended gives nothing any more, whatever its tier once included.
  const ended = agreement.status === "TERMINATED" || agreement.status === "EXPIRED";
  return (
    <section className="card" aria-labelledby="tier-title" id="benefits">
      <h2 id="tier-title">{t("agreement.tierBenefits", { tier: tier.name })}</h2>
      <p className="muted small">{t(`tierDescription.${tier.code}`)}</p>
      {ended ? <p className="small">{t("layout.benefitsEnded")}</p> : null}
      <ul className="benefits">
        <Benefit included={!ended && tier.annualVisit}>{t("benefit.annualVisit")}</Benefit>
        <Benefit included={!ended && tier.includedHanteraAccounts > 0}>
          {t("benefit.hanteraAccounts", { count: formatNumber(lang, tier.includedHanteraAccounts) })}
        </Benefit>
        <Benefit included={!ended && tier.latestVersions}>{t("benefit.latestVersions")}</Benefit>
        <Benefit included={!ended && tier.licenceRentals}>{t("benefit.licenceRentals")}</Benefit>
      </ul>
    </section>
  );
}
