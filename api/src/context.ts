import type { Db } from "./db/client.js";
import type { Logger } from "./logger.js";
import type { LoginThrottle } from "./modules/access/login-throttle.js";
import type { ResetThrottle } from "./modules/accounts/reset-throttle.js";
import type { ContactLimits } from "./modules/contact/index.js";
import type { AgreementLoaders } from "./modules/agreements/agreement.loaders.js";
import type { AuditLoaders } from "./modules/audit/audit.loaders.js";
import type { HostingLoaders } from "./modules/hosting/hosting.loaders.js";
import type { CheckHistoryLoaders } from "./modules/monitoring/check-history.loaders.js";
import type { MonitoringLoaders } from "./modules/monitoring/monitoring.loaders.js";
import type { PartyLoaders } from "./modules/parties/party.loaders.js";
import type { ReleaseLoaders } from "./modules/releases/release.loaders.js";
import type { AttachmentLimits } from "./modules/support/attachment-limits.js";
import type { SupportLoaders } from "./modules/support/support-case.loaders.js";
import type { TailoringLoaders } from "./modules/tailoring/tailoring.loaders.js";
import type { VisitLoaders } from "./modules/visits/visit.loaders.js";
import type { Clock } from "./shared/clock.js";
import type { WebhookSettings } from "./modules/webhooks/index.js";
import type { Viewer } from "./shared/viewer.js";

/**
 * What every resolver gets for one request. Only the type lives here, so any module may import it;
 * it is built in `create-context.ts`, which is the one place that knows every module's loaders.
 */
export interface Context {
  db: Db;
  viewer: Viewer | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
  log: Logger;
  loaders: PartyLoaders &
    AgreementLoaders &
    TailoringLoaders &
    ReleaseLoaders &
    AuditLoaders &
    SupportLoaders &
    VisitLoaders &
    MonitoringLoaders &
    CheckHistoryLoaders &
    HostingLoaders;
  /** "Today" in Sweden and the expiring window, read once per request. */
  clock: Clock;
  /** The request's instant, read once with the clock: every field of one answer measures time from it. */
  now: Date;
  /** Long-lived parts shared by every request. */
  app: {
    throttle: LoginThrottle;
    resetThrottle: ResetThrottle;
    /** The public contact page's limits per network address and per e-mail address. */
    contactLimits: ContactLimits;
    /** The portal's address, for the links in mails. */
    portalUrl: string;
    attachmentLimits: AttachmentLimits;
    sessionTtlHours: number;
    expiringWindowDays: number;
    /** A list indexation under this change is carried forward (INDEX_THRESHOLD_PERCENT); 2 when unset. */
    indexThresholdPercent?: number;
    webhooks: WebhookSettings;
  };
}
