/** The renewals module as the rest of the API sees it: the reminders, the weekly digest and the lapse job. */
export { applyLapses } from "./lapse-job.js";
export { queueRenewalReminders } from "./renewal-reminders.js";
export { startRenewalJobs } from "./renewal-jobs.js";
