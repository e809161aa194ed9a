import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/list-controls";
import { formatDate, formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { AgreementData } from "./section-props";

/** The agreement's annual support visits and the next one proposed, each linking to its protocol. */
export function VisitsSection({ agreement }: { agreement: AgreementData }) {
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
            <p data-testid="next-visit-proposal">{t("visit.nextProposal", { date: formatDate(lang, next.proposedOn) })}</p>
          ) : null}
          {agreement.serviceVisits.length === 0 ? (
            <EmptyState title={t("visit.noVisits")} />
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <table data-testid="agreement-visits">
                <thead>
                  <tr>
                    <th scope="col">{t("visits.when")}</th>
                    <th scope="col">{t("visits.property")}</th>
                    <th scope="col">{t("visit.technician")}</th>
                    <th scope="col">{t("visits.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {agreement.serviceVisits.map((v) => (
                    <tr key={v.id} data-state={v.state}>
                      <th scope="row">
                        <Link to={`/visits/${encodeURIComponent(v.id)}`}>{formatDateTime(lang, v.scheduledAt)}</Link>
                      </th>
                      <td>{v.property.name}</td>
                      <td>{v.technician.name}</td>
                      <td>
                        <span className={v.state === "OVERDUE" ? "badge badge-redo" : "badge"}>{t(`visit.state.${v.state}`)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
