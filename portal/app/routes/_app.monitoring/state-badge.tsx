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
