export interface CheckSeen {
  state: string;
  lastPingAt: string | null;
}

export type MonitoringLine =
  { live: false } | { live: true; running: number; trouble: number; lastHeard: string | null };

/**
 * What the agreement may say of its monitoring: a check runs once it has heard from the installation
 * and nobody has paused it; without one, nothing is watched yet and the page must not say it is.
 */
export function monitoringLine(checks: readonly CheckSeen[]): MonitoringLine {
  const running = checks.filter((c) => c.state !== "NEW" && c.state !== "PAUSED");
  if (running.length === 0) return { live: false };
  const heard = running.map((c) => c.lastPingAt).filter((at): at is string => Boolean(at));
  return {
    live: true,
    running: running.length,
    trouble: running.filter((c) => c.state !== "UP").length,
    lastHeard: heard.sort().at(-1) ?? null,
  };
}
