import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/list-controls";
import { VisitTable } from "~/components/visit-table";
import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { AgreementData } from "./section-props";

/** The agreement's annual support visits and the next one proposed, each linking to its protocol. */
export function VisitsSection({ agreement, mayPropose }: { agreement: AgreementData; mayPropose: boolean }) {
  const t = useT();
  const lang = useLang();
  const next = agreement.nextVisitProposal;
  return (
    <section className="section" aria-labelledby="visits-title" id="visits">
      <h2 id="visits-title">{t("visit.nav")}</h2>
      {!agreement.tier.annualVisit ? (
        <p className="muted">{t("visit.notInTier")}</p>
      ) : (
        <>
          {next && !next.visitId ? (
            <p data-testid="next-visit-proposal">
              {t("visit.nextProposal", { date: formatDate(lang, next.proposedOn) })}
            </p>
          ) : null}
          {mayPropose ? (
            <p>
              <Link
                className="button button-small"
                to={`/agreements/${encodeURIComponent(agreement.id)}/visit-times`}
                data-testid="propose-visit-times"
              >
                {t("visit.proposeTimes")}
              </Link>
            </p>
          ) : null}
          {agreement.serviceVisits.length === 0 ? (
            <EmptyState title={t("visit.noVisits")} />
          ) : (
            <VisitTable visits={agreement.serviceVisits} testId="agreement-visits" />
          )}
        </>
      )}
    </section>
  );
}
