/** The contact module as other modules see it: who works with the public contact page's requests (decision 0081). */
export { CONTACT_REQUEST_HANDLERS } from "./contact.roles.js";
export { clearExpiredContactCounters, ContactLimits, DEFAULT_CONTACT_LIMITS } from "./contact-limits.js";
