/** The hosting module as the rest of the API sees it: read-only, its tables are written only here. */
export { hostingOf, outdatedHostedServices, type HostingRecord } from "./hosting.service.js";
