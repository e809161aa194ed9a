import { Link } from "@remix-run/react";
import { AgreementStatusBadge, DaysLeft } from "~/components/agreement-status";
import { OfferedVisitTimesList } from "~/components/offered-visit-times";
import { SupportStatus } from "~/components/support-status";
import type { CustomerDashboardQuery, Section } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { NextVisitPanel } from "./next-visit-panel";
import { AgreementList, agreementPath, LinkRow } from "./rows";
import { countOf } from "./counts";
import { Panel, Tile } from "./tiles";
import { UpdatesList } from "./updates-list";

/** A customer's first questions: are our agreements in order, can we call support, what is left to do. */
export function CustomerDashboard({
  data,
  now,
  sections,
  mayAnswerVisitTimes,
}: {
  data: CustomerDashboardQuery;
  now: string;
  sections: readonly Section[];
  /** The customer's admin answers proposed visit times here; others see them. */
  mayAnswerVisitTimes: boolean;
}) {
  const t = useT();
  const agreements = data.agreements.edges.map((e) => e.node);
  const expiring = agreements.filter((a) => a.status === "EXPIRING");
  const updates = agreements.flatMap((a) => a.updatesNeeded);
  const plans = agreements.flatMap((a) => (a.actionPlan ? [{ agreement: a, plan: a.actionPlan }] : []));
  const pastDate = plans.flatMap(({ agreement, plan }) => plan.itemsPastEndDate.map((item) => ({ agreement, item })));
  // The annual visit is a 500+ benefit: a customer with BRF agreements only has none to show.
  const withVisits = agreements.some((a) => a.tier.annualVisit && (a.status === "ACTIVE" || a.status === "EXPIRING"));
  const due = agreements.flatMap((a) =>
    a.visitToBook ? [{ agreement: a, proposedOn: a.visitToBook.proposedOn }] : [],
  );
  const nextVisit = data.nextVisits.edges[0]?.node ?? null;
  return (
    <>
      <SupportStatus calendar={data.supportCalendar} now={now} />
      <OfferedVisitTimesList proposals={data.visitTimeProposals} now={now} mayAnswer={mayAnswerVisitTimes} />
      <div className="tiles">
        <Tile
          id="agreements"
          sections={sections}
          value={agreements.filter((a) => a.status === "ACTIVE" || a.status === "EXPIRING").length}
          label={t("dashboard.validAgreements")}
          to="/agreements?status=valid"
          linkLabel={t("dashboard.showAgreements")}
        />
        <Tile
          id="expiring"
          sections={sections}
          value={expiring.length}
          tone={expiring.length > 0 ? "warn" : "good"}
          label={t("dashboard.expiringAgreements")}
          to="/agreements?status=EXPIRING"
          linkLabel={t("dashboard.showExpiring")}
        />
        <Tile
          id="waiting-on-customer"
          testId="waiting-count"
          sections={sections}
          {...countOf(data.waitingOnCustomer)}
          tone={data.waitingOnCustomer.totalCount > 0 ? "warn" : "neutral"}
          label={t("dashboard.waitingOnYouCustomer")}
          to="/worklist"
          linkLabel={t("dashboard.showWorklist")}
        />
        <Tile
          id="open-cases"
          sections={sections}
          {...countOf(data.openCases)}
          label={t("dashboard.openCases")}
          to="/support?view=open#cases-title"
          linkLabel={t("dashboard.showOpenCases")}
        />
        <Tile
          id="items-past-date"
          sections={sections}
          value={pastDate.length}
          tone={pastDate.length > 0 ? "bad" : "good"}
          label={t("dashboard.itemsPastDate")}
          to="#action-plan-title"
          linkLabel={t("dashboard.showItems")}
        />
        <Tile
          id="properties"
          testId="property-count"
          sections={sections}
          {...countOf(data.properties)}
          label={t("dashboard.properties")}
          to="/properties"
          linkLabel={t("dashboard.showProperties")}
        />
        <Tile
          id="updates"
          sections={sections}
          value={updates.length}
          tone={updates.length > 0 ? "warn" : "good"}
          label={t("dashboard.updatesNeeded")}
          to="/properties"
          linkLabel={t("dashboard.showProperties")}
        />
      </div>
      <div className="dash-grid">
        {withVisits ? <NextVisitPanel visit={nextVisit} due={due} /> : null}
        <Panel id="my-agreements" title={t("dashboard.yourAgreements")} empty={t("dashboard.noAgreements")}>
          {agreements.length > 0 ? (
            <AgreementList
              agreements={agreements}
              detail={(a) => a.tier.name}
              side={(a) => (
                <>
                  <AgreementStatusBadge status={a.status} />
                  <DaysLeft days={a.daysLeft} />
                  {a.status === "EXPIRING" || a.status === "EXPIRED" ? (
                    <Link className="button button-small" to={agreementPath(a.id)}>
                      {t("dashboard.renew")}
                    </Link>
                  ) : null}
                </>
              )}
            />
          ) : null}
        </Panel>
        <Panel id="action-plan" title={t("dashboard.actionPlan")} empty={t("dashboard.noActionPlan")}>
          {plans.length > 0 ? (
            <>
              <ul className="dash-list">
                {plans.map(({ agreement, plan }) => (
                  <li key={agreement.id}>
                    <div className="dash-list-main">
                      <Link to={`${agreementPath(agreement.id)}/tailoring`}>{agreement.number}</Link>
                      <span className="muted">{t("dashboard.itemsCount", { count: String(plan.items.length) })}</span>
                    </div>
                    <div
                      className="dash-progress"
                      role="img"
                      aria-label={t("dashboard.percentDone", { percent: String(plan.percentDone) })}
                    >
                      <span style={{ width: `${plan.percentDone}%` }} />
                    </div>
                    <span className="tabular">{plan.percentDone} %</span>
                  </li>
                ))}
              </ul>
              {pastDate.length > 0 ? (
                <>
                  <h3 className="dash-subhead">{t("dashboard.itemsPastDate")}</h3>
                  <ul className="dash-list dash-list-compact" data-testid="items-past-date">
                    {pastDate.map(({ agreement, item }) => (
                      <LinkRow
                        key={item.id}
                        to={`${agreementPath(agreement.id)}/tailoring`}
                        title={item.title}
                        detail={agreement.number}
                      />
                    ))}
                  </ul>
                </>
              ) : (
                <p className="dash-empty">{t("dashboard.noItemsPastDate")}</p>
              )}
            </>
          ) : null}
        </Panel>
        <Panel id="updates" title={t("dashboard.updatesTitle")} empty={t("dashboard.noUpdates")}>
          {updates.length > 0 ? <UpdatesList updates={updates} /> : null}
        </Panel>
      </div>
    </>
  );
}
