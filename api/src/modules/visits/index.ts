/** The visits module as other modules see it. */
export { findVisit } from "./visit.service.js";
export { ServiceVisit } from "./visit.types.js";
export { cancelBookedVisits, type CancelledVisit } from "./visit-cancellation.js";
