import type { Db } from "./db/client.js";
import { todayInSweden } from "./shared/dates.js";
import type { Logger } from "./logger.js";
import type { LoginThrottle } from "./modules/access/login-throttle.js";
import { createAgreementLoaders, type AgreementLoaders } from "./modules/agreements/agreement.loaders.js";
import { createPartyLoaders, type PartyLoaders } from "./modules/parties/parties.loaders.js";
import type { Viewer } from "./shared/viewer.js";

export interface Context {
  db: Db;
  viewer: Viewer | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
  log: Logger;
  loaders: PartyLoaders & AgreementLoaders;
  /** Long-lived parts shared by every request. */
  app: { throttle: LoginThrottle; sessionTtlHours: number; expiringWindowDays: number };
}

export function createContext(base: Omit<Context, "loaders">): Context {
  return { ...base, loaders: { ...createPartyLoaders(base.db), ...createAgreementLoaders(base.db) } };
}

/** "Today" in Sweden and the expiring window, for the services' date rules. */
export function clock(ctx: Context) {
  return { today: todayInSweden(), windowDays: ctx.app.expiringWindowDays };
}
