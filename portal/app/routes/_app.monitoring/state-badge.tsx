import type { MonitoringCheckState } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";

const TONE: Record<MonitoringCheckState, string> = {
  UP: "badge-active",
  LATE: "badge-warning",
  DOWN: "badge-revoked",
  PAUSED: "badge-quiet",
  NEW: "badge-quiet",
};

export function StateBadge({ state }: { state: MonitoringCheckState }) {
  const t = useT();
  return (
    <span className={`badge ${TONE[state]}`} data-testid="check-state">
      {t(`monitoring.stateName.${state}`)}
    </span>
  );
}

/** Beside the state of a check a maintenance window holds: down or late, but nobody is called. */
export function MaintenanceBadge() {
  const t = useT();
  return (
    <span className="badge badge-quiet" data-testid="in-maintenance">
      {t("maintenance.inMaintenance")}
    </span>
  );
}
