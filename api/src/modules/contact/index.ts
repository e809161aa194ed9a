/** The contact module as other modules see it: who works with the public contact page's requests (decision 0081). */
export { CONTACT_REQUEST_HANDLERS, HELP_REQUEST_HANDLERS, SALES_LEAD_HANDLERS } from "./contact.roles.js";
export { ContactLimits, DEFAULT_CONTACT_LIMITS, type ContactLimitSettings } from "./contact-limits.js";
