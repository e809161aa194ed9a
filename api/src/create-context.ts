import type { Context } from "./context.js";
import { createAgreementLoaders } from "./modules/agreements/agreement.loaders.js";
import { createAuditLoaders } from "./modules/audit/audit.loaders.js";
import { createHostingLoaders } from "./modules/hosting/hosting.loaders.js";
import { createCheckHistoryLoaders } from "./modules/monitoring/check-history.loaders.js";
import { createMonitoringLoaders } from "./modules/monitoring/monitoring.loaders.js";
import { createPartyLoaders } from "./modules/parties/party.loaders.js";
import { createReleaseLoaders } from "./modules/releases/release.loaders.js";
import { createSupportLoaders } from "./modules/support/support-case.loaders.js";
import { createTailoringLoaders } from "./modules/tailoring/tailoring.loaders.js";
import { createVisitLoaders } from "./modules/visits/visit.loaders.js";
import { clockAt } from "./shared/clock.js";
import { todayInSweden } from "./shared/dates.js";

export type { Context };

/** A request's context: fresh loaders (so nothing is cached across requests) and one clock, read at one instant. */
export function createContext(base: Omit<Context, "loaders" | "clock" | "now">): Context {
  const now = new Date();
  const clock = clockAt(todayInSweden(now), base.app.expiringWindowDays);
  return {
    ...base,
    clock,
    now,
    loaders: {
      ...createPartyLoaders(base.db, base.viewer),
      ...createAgreementLoaders(base.db, { viewer: base.viewer, clock }),
      ...createTailoringLoaders(base.db),
      ...createReleaseLoaders(base.db),
      ...createAuditLoaders(base.db),
      ...createSupportLoaders(base.db, base.viewer),
      ...createVisitLoaders(base.db, now),
      ...createMonitoringLoaders(base.db, base.viewer),
      ...createCheckHistoryLoaders(base.db),
      ...createHostingLoaders(base.db, base.viewer, clock),
    },
  };
}
