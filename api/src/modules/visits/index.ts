/** The visits module as other modules see it. */
export { findVisit, tierIncludesVisit } from "./visit.service.js";
export { ServiceVisit } from "./visit.types.js";
export { bookedVisitsAhead, cancelBookedVisits, type CancelledVisit } from "./visit-cancellation.js";
export { VISIT_BOOKERS } from "./visit.roles.js";
