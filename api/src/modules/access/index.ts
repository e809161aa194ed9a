/** The access module as other modules see it: sessions and API tokens are its own. */
export {
  authenticate,
  endOrganisationAccess,
  endOtherSessions,
  endUserAccess,
  findApiToken,
  forgetSessionOrigins,
  systemViewerOf,
} from "./access.service.js";
export { ApiToken } from "./access.types.js";
export { apiTokenCache } from "./api-token-cache.js";
export { missingScope } from "./api-token-scopes.js";
export { Viewer } from "./access.types.js";
export type { LoginThrottle } from "./login-throttle.js";
export { clearExpiredLoginCounters, rateLimitStore } from "./login-throttle.js";
