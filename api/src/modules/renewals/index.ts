/** The renewals module as the rest of the API sees it: the reminders, the weekly digest and the lapse job. */
export { applyLapses, LAPSE_NOTICE_DAYS } from "./lapse-job.js";
export { queueRenewalDigests } from "./renewal-digest.js";
export { queueRenewalReminders, type RenewalMailSettings } from "./renewal-reminders.js";
export { DEFAULT_RENEWAL_REMINDER_DAYS } from "./renewal-thresholds.js";
export { runRenewalPass, startRenewalJobs } from "./renewal-jobs.js";
