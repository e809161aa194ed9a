import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/list-controls";
import { OfferedVisitTimes } from "~/components/offered-visit-times";
import type { OfferedVisitTimesFragment } from "~/graphql/graphql";
import { VisitTable } from "~/components/visit-table";
import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { AgreementData } from "./section-props";

/** The agreement's annual support visits and the next one proposed, each linking to its protocol. */
export function VisitsSection({
  agreement,
  mayPropose,
  offers,
}: {
  agreement: AgreementData;
  mayPropose: boolean;
  /** The agreement's proposed times still open: the customer's admin answers them here. */
  offers: { proposals: readonly OfferedVisitTimesFragment[]; mayAnswer: boolean; now: string };
}) {
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
          {offers.proposals.length > 0 ? (
            <div className="visit-offers" data-testid="agreement-offered-visits">
              {offers.proposals.map((p) => (
                <OfferedVisitTimes key={p.id} proposal={p} now={offers.now} mayAnswer={offers.mayAnswer} />
              ))}
            </div>
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
