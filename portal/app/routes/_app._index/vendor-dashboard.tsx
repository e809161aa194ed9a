import { DaysLeft } from "~/components/agreement-status";
import type { Role, Section, VendorDashboardQuery } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatMoney } from "~/lib/money";
import { AttentionTiles } from "./attention-tiles";
import { countOf } from "./counts";
import { AgreementList, agreementPath, LinkRow } from "./rows";
import { Panel, Tile } from "./tiles";
import { OutdatedHostingPanel } from "./outdated-hosting-panel";
import { VisitsPanel } from "./visits-panel";

const WINDOWS = [30, 60, 90] as const;

/**
 * Sellers: what is up for renewal and what waits on us. Support: the case queue and missed visits. Admins: all, and
 * what else needs a person.
 */
export function VendorDashboard(props: {
  data: VendorDashboardQuery;
  windows: { in30: string; in60: string; in90: string };
  sections: readonly Section[];
  role: Role;
}) {
  const t = useT();
  const lang = useLang();
  const { data, windows, sections } = props;
  const expiring = data.in90?.edges.map((e) => e.node) ?? [];
  const counts = { 30: countOf(data.in30), 60: countOf(data.in60), 90: countOf(data.in90) };
  const values = { 30: data.value30, 60: data.value60, 90: data.value90 };
  const ends = { 30: windows.in30, 60: windows.in60, 90: windows.in90 };
  const overdueItems = (data.itemsPastEndDate?.edges ?? []).map((e) => e.node);
  const overdueItemCount = countOf(data.itemsPastEndDate);
  const overdueCases = countOf(data.overdueCases);
  const nearDeadlineCases = countOf(data.nearDeadlineCases);
  const overdueVisits = countOf(data.overdueVisits);
  const visitsToBook = countOf(data.visitsToBook);
  return (
    <>
      {data.failedEmails ? (
        <AttentionTiles
          counts={{
            failedEmails: countOf(data.failedEmails),
            lockedOut: { value: data.loginLockouts?.length ?? 0, capped: false },
            unassignedCases: countOf(data.unassignedCases),
            drafts: countOf(data.drafts),
          }}
          sections={sections}
        />
      ) : null}
      {data.deactivatedOrganisations?.length ? (
        <Panel id="deactivated-organisations" title={t("dashboard.deactivatedOrganisations")}>
          <ul className="dash-list dash-list-compact">
            {data.deactivatedOrganisations.map((o) => (
              <LinkRow
                key={o.id}
                to={`/organisations/${encodeURIComponent(o.id)}`}
                title={o.name}
                detail={`${t(`kind.${o.kind}`)} · ${t("deactivate.badge", { date: formatDate(lang, o.deactivatedAt!) })}`}
              />
            ))}
          </ul>
        </Panel>
      ) : null}
      {data.in90 ? <h2 className="dash-group">{t("dashboard.salesGroup")}</h2> : null}
      {data.in90 ? (
        <div className="tiles">
          {WINDOWS.map((days) => (
            <Tile
              key={days}
              id={`expiring-${days}`}
              sections={sections}
              {...counts[days]}
              tone={days === 30 && counts[30].value > 0 ? "warn" : "neutral"}
              label={t("dashboard.expiringWithin", { days: String(days) })}
              hint={values[days] ? t("dashboard.yearlyValue", { value: formatMoney(lang, values[days]) }) : undefined}
              to={`/agreements?status=valid&endingBefore=${ends[days]}`}
              linkLabel={t("dashboard.showAgreements")}
            />
          ))}
          <Tile
            id="overdue-items"
            sections={sections}
            {...overdueItemCount}
            tone={overdueItemCount.value > 0 ? "bad" : "good"}
            label={t("dashboard.overdueItems")}
            to="#overdue-items-title"
            linkLabel={t("dashboard.showItems")}
          />
          <Tile
            id="waiting-on-vendor"
            sections={sections}
            {...countOf(data.waitingOnVendor)}
            label={t("dashboard.waitingOnYou")}
            to="/worklist"
            linkLabel={t("dashboard.showWorklist")}
          />
          <Tile
            id="visits-to-book"
            sections={sections}
            {...visitsToBook}
            tone={visitsToBook.value ? "warn" : "good"}
            label={t("dashboard.visitsToBook")}
            to="/visits?state=to-book"
            linkLabel={t("dashboard.showVisitsToBook")}
          />
        </div>
      ) : null}
      {data.openCases ? <h2 className="dash-group">{t("dashboard.supportAndVisitsGroup")}</h2> : null}
      {data.openCases ? (
        <div className="tiles">
          <Tile
            id="open-cases"
            sections={sections}
            {...countOf(data.openCases)}
            label={t("dashboard.openCases")}
            to="/support-queue"
            linkLabel={t("dashboard.showQueue")}
          />
          <Tile
            id="overdue-cases"
            sections={sections}
            {...overdueCases}
            tone={overdueCases.value > 0 ? "bad" : "good"}
            label={t("dashboard.overdueCases")}
            to="/support-queue?view=overdue"
            linkLabel={t("dashboard.showOverdueCases")}
          />
          <Tile
            id="near-deadline"
            sections={sections}
            {...nearDeadlineCases}
            tone={nearDeadlineCases.value > 0 ? "warn" : "good"}
            label={t("dashboard.nearDeadline")}
            to="/support-queue?view=near-deadline"
            linkLabel={t("dashboard.showNearDeadline")}
          />
          <Tile
            id="overdue-visits"
            sections={sections}
            {...overdueVisits}
            tone={overdueVisits.value ? "bad" : "good"}
            label={t("dashboard.overdueVisits")}
            to="/visits?state=overdue"
            linkLabel={t("dashboard.showOverdueVisits")}
          />
        </div>
      ) : null}
      {data.in90 || data.comingVisits ? (
        <div className="dash-grid">
          {data.comingVisits ? <VisitsPanel visits={data.comingVisits.edges.map((e) => e.node)} /> : null}
          {data.outdatedHostedServices ? <OutdatedHostingPanel services={data.outdatedHostedServices} /> : null}
          {data.in90 ? (
            <>
              <Panel id="renewals-to-decide" title={t("renewalQuote.toDecide")} empty={t("renewalQuote.noneToDecide")}>
                {data.renewalQuotesToDecide?.length ? (
                  <ul className="dash-list dash-list-compact">
                    {data.renewalQuotesToDecide.map((q) =>
                      q.agreement ? (
                        <LinkRow
                          key={q.id}
                          to={`${agreementPath(q.agreement.id)}#renewal-request`}
                          title={q.agreement.number}
                          detail={t("renewalQuote.toDecideLine", {
                            customer: q.agreement.customer.name,
                            start: formatDate(lang, q.startsOn),
                            total: formatMoney(lang, q.yearlyTotal),
                          })}
                        />
                      ) : null,
                    )}
                  </ul>
                ) : null}
              </Panel>
              <Panel id="expiring" title={t("dashboard.expiringTitle")} empty={t("dashboard.noneExpiring")}>
                {expiring.length > 0 ? (
                  <AgreementList
                    agreements={expiring}
                    detail={(a) => a.customer.name}
                    side={(a) => (
                      <>
                        <span className="tabular">{formatMoney(lang, a.yearlyValue)}</span>
                        <DaysLeft days={a.daysLeft} />
                      </>
                    )}
                  />
                ) : null}
              </Panel>
              <Panel id="overdue-items" title={t("dashboard.overdueItems")} empty={t("dashboard.noOverdueItems")}>
                {overdueItems.length > 0 ? (
                  <ul className="dash-list dash-list-compact">
                    {overdueItems.map(({ agreement, item }) => (
                      <LinkRow
                        key={item.id}
                        to={`${agreementPath(agreement.id)}/tailoring`}
                        title={item.title}
                        detail={`${agreement.number} · ${agreement.customer.name}`}
                      />
                    ))}
                  </ul>
                ) : null}
              </Panel>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
