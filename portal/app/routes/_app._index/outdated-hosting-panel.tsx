import type { VendorDashboardQuery } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { LinkRow } from "./rows";
import { Panel } from "./tiles";

type Outdated = NonNullable<VendorDashboardQuery["outdatedHostedServices"]>[number];

/**
 * Support: each hosted service running behind the latest release of its product ("alltid senast
 * version", measured), linking to the customer's page where the update is recorded.
 */
export function OutdatedHostingPanel({ services }: { services: readonly Outdated[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Panel id="outdated-hosting" title={t("dashboard.outdatedHosted")} empty={t("dashboard.noOutdatedHosted")}>
      {services.length > 0 ? (
        <ul className="dash-list dash-list-compact" data-testid="outdated-hosting">
          {services.map((s) => (
            <LinkRow
              key={`${s.customer.id}-${s.service}`}
              to={`/organisations/${encodeURIComponent(s.customer.id)}#hosting-title`}
              title={s.customer.name}
              detail={t("dashboard.outdatedHostedLine", {
                service: t(`hostedService.${s.service}`),
                running: s.runningVersion,
                latest: s.latestVersion,
                date: formatDate(lang, s.latestReleasedOn),
              })}
            />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
