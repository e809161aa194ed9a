/** The hosting module as the rest of the API (and the seed) sees it; its tables are written only here. */
export { recordHostedServiceUpdate, recordRestoreTest } from "./hosting.service.js";
