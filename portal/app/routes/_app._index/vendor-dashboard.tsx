import { Link } from "@remix-run/react";
import { DaysLeft } from "~/components/agreement-status";
import type { Role, Section, VendorDashboardQuery } from "~/graphql/graphql";
import { useLang, useT } from "~/i18n/use-t";
import { formatMoney } from "~/lib/money";
import { Panel, Tile } from "./tiles";

const agreementPath = (id: string) => `/agreements/${encodeURIComponent(id)}`;
const WINDOWS = [30, 60, 90] as const;

/** Sellers: what is up for renewal and what waits on us. Support: the case queue. Admins: both. */
export function VendorDashboard(props: { data: VendorDashboardQuery; windows: { in30: string; in60: string; in90: string }; sections: readonly Section[]; role: Role }) {
  const t = useT();
  const lang = useLang();
  const { data, windows, sections } = props;
  const expiring = data.in90?.edges.map((e) => e.node) ?? [];
  const valueWithin = (days: number) =>
    expiring.filter((a) => (a.daysLeft ?? Infinity) <= days).reduce((sum, a) => sum + a.yearlyValue.amountMinor, 0);
  const counts = { 30: data.in30?.totalCount ?? 0, 60: data.in60?.totalCount ?? 0, 90: data.in90?.totalCount ?? 0 };
  const ends = { 30: windows.in30, 60: windows.in60, 90: windows.in90 };
  const overdueItems = (data.planned?.edges ?? []).flatMap((e) => (e.node.actionPlan?.itemsPastEndDate ?? []).map((item) => ({ agreement: e.node, item })));
  const cases = data.openCases?.edges.map((e) => e.node) ?? [];
  return (
    <>
      {data.in90 ? <h2 className="dash-group">{t("dashboard.salesGroup")}</h2> : null}
      {data.in90 ? (
        <div className="tiles">
          {WINDOWS.map((days) => (
            <Tile
              key={days}
              id={`expiring-${days}`}
              sections={sections}
              value={counts[days]}
              tone={days === 30 && counts[30] > 0 ? "warn" : "neutral"}
              label={t("dashboard.expiringWithin", { days: String(days) })}
              hint={t("dashboard.yearlyValue", { value: formatMoney(lang, { amountMinor: valueWithin(days), currency: "SEK" }) })}
              to={`/agreements?status=valid&endingBefore=${ends[days]}`}
              linkLabel={t("dashboard.showAgreements")}
            />
          ))}
          <Tile id="overdue-items" sections={sections} value={overdueItems.length} tone={overdueItems.length > 0 ? "bad" : "good"} label={t("dashboard.overdueItems")} to="#overdue-items-title" linkLabel={t("dashboard.showItems")} />
          <Tile id="waiting-on-vendor" sections={sections} value={data.waitingOnVendor?.totalCount ?? 0} label={t("dashboard.waitingOnYou")} to="/worklist" linkLabel={t("dashboard.showWorklist")} />
        </div>
      ) : null}
      {data.openCases ? <h2 className="dash-group">{t("dashboard.supportGroup")}</h2> : null}
      {data.openCases ? (
        <div className="tiles">
          <Tile id="open-cases" sections={sections} value={data.openCases.totalCount} label={t("dashboard.openCases")} />
          <Tile id="overdue-cases" sections={sections} value={cases.filter((c) => c.overdue).length} tone={cases.some((c) => c.overdue) ? "bad" : "good"} label={t("dashboard.overdueCases")} />
          <Tile id="near-deadline" sections={sections} value={cases.filter((c) => c.nearDeadline).length} tone={cases.some((c) => c.nearDeadline) ? "warn" : "good"} label={t("dashboard.nearDeadline")} />
        </div>
      ) : null}
      {data.in90 ? (
        <div className="dash-grid">
          <Panel id="expiring" title={t("dashboard.expiringTitle")} empty={t("dashboard.noneExpiring")}>
            {expiring.length > 0 ? (
              <ul className="dash-list">
                {expiring.slice(0, 8).map((a) => (
                  <li key={a.id} data-agreement={a.number}>
                    <div className="dash-list-main">
                      <Link to={agreementPath(a.id)}>{a.number}</Link>
                      <span className="muted">{a.customer.name}</span>
                    </div>
                    <div className="dash-list-side">
                      <span className="tabular">{formatMoney(lang, a.yearlyValue)}</span>
                      <DaysLeft days={a.daysLeft} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
          </Panel>
          <Panel id="overdue-items" title={t("dashboard.overdueItems")} empty={t("dashboard.noOverdueItems")}>
            {overdueItems.length > 0 ? (
              <ul className="dash-list dash-list-compact">
                {overdueItems.slice(0, 10).map(({ agreement, item }) => (
                  <li key={item.id}>
                    <Link to={`${agreementPath(agreement.id)}/tailoring`}>{item.title}</Link>
                    <span className="muted">
                      {agreement.number} · {agreement.customer.name}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </Panel>
        </div>
      ) : null}
    </>
  );
}
