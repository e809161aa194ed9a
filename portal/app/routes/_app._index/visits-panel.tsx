import type { DashboardVisitFragment } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { LinkRow } from "./rows";
import { Panel } from "./tiles";

type Visit = DashboardVisitFragment & { agreement: { customer: { name: string } } };

/** Support staff: the visits to make next, the missed ones first, each linking to its protocol. */
export function VisitsPanel({ visits }: { visits: readonly Visit[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Panel id="coming-visits" title={t("dashboard.comingVisits")} empty={t("dashboard.noComingVisits")}>
      {visits.length > 0 ? (
        <ul className="dash-list dash-list-compact" data-testid="coming-visits">
          {visits.map((v) => (
            <LinkRow
              key={v.id}
              to={`/visits/${encodeURIComponent(v.id)}`}
              title={
                <>
                  {formatDateTime(lang, v.scheduledAt)}
                  {v.state === "OVERDUE" ? <span className="badge badge-redo">{t("visit.state.OVERDUE")}</span> : null}
                </>
              }
              detail={`${v.agreement.customer.name} · ${v.property.name}`}
            />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
