import { AgreementStatusBadge, DaysLeft } from "~/components/agreement-status";
import type { PartnerDashboardQuery, Section } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { AgreementList, agreementPath, LinkRow } from "./rows";
import { countOf } from "./counts";
import { Panel, Tile } from "./tiles";
import { UpdatesList } from "./updates-list";

/** A partner's first questions: how are our customers' agreements, what is ours to do, what to update. */
export function PartnerDashboard({ data, sections }: { data: PartnerDashboardQuery; sections: readonly Section[] }) {
  const t = useT();
  const agreements = data.agreements.edges.map((e) => e.node);
  const ownItems = agreements.flatMap((a) =>
    (a.actionPlan?.items ?? [])
      .filter((i) => i.owner === "PARTNER" && (i.status === "OPEN" || i.status === "IN_PROGRESS"))
      .map((item) => ({ agreement: a, item })),
  );
  const updates = agreements.flatMap((a) => a.updatesNeeded);
  const expiring = agreements.filter((a) => a.status === "EXPIRING");
  return (
    <>
      <div className="tiles">
        <Tile
          id="agreements"
          sections={sections}
          {...countOf(data.agreements)}
          label={t("dashboard.customerAgreements")}
          to="/agreements?status=all"
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
          id="own-items"
          sections={sections}
          value={ownItems.length}
          label={t("dashboard.partnerItems")}
          to="#own-items-title"
          linkLabel={t("dashboard.showItems")}
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
        <Tile
          id="routed-cases"
          sections={sections}
          {...countOf(data.routedCases)}
          label={t("dashboard.routedCases")}
          to="/support-queue?view=routed"
          linkLabel={t("dashboard.showRoutedCases")}
        />
      </div>
      <div className="dash-grid">
        <Panel id="customer-agreements" title={t("dashboard.customerAgreements")} empty={t("dashboard.noAgreements")}>
          {agreements.length > 0 ? (
            <AgreementList
              agreements={agreements.slice(0, 8)}
              detail={(a) => a.customer.name}
              side={(a) => (
                <>
                  <AgreementStatusBadge status={a.status} />
                  <DaysLeft days={a.daysLeft} />
                </>
              )}
            />
          ) : null}
        </Panel>
        <Panel id="own-items" title={t("dashboard.partnerItems")} empty={t("dashboard.noPartnerItems")}>
          {ownItems.length > 0 ? (
            <ul className="dash-list dash-list-compact">
              {ownItems.map(({ agreement, item }) => (
                <LinkRow
                  key={item.id}
                  to={`${agreementPath(agreement.id)}/tailoring`}
                  title={item.title}
                  detail={agreement.customer.name}
                />
              ))}
            </ul>
          ) : null}
        </Panel>
        <Panel id="updates" title={t("dashboard.updatesTitle")} empty={t("dashboard.noUpdates")}>
          {updates.length > 0 ? <UpdatesList updates={updates} /> : null}
        </Panel>
      </div>
    </>
  );
}
