/** The renewals module as the rest of the API sees it: reminders, the weekly digest, the lapse job, auto-renewal. */
export { applyAutoRenewals } from "./auto-renewal-job.js";
export { applyLapses } from "./lapse-job.js";
export { queueRenewalReminders } from "./renewal-reminders.js";
export { startRenewalJobs } from "./renewal-jobs.js";
// What a set loaded in bulk needs to look as these jobs leave it (seed/scale-history.ts).
export { agreementsEndingWithin } from "./renewal-candidates.js";
export { hasEnded } from "./lapse-job.js";
export { inExpiringWindow } from "./expiry-notice-job.js";
export { DEFAULT_RENEWAL_REMINDER_DAYS, reminderToSend, weekOf } from "./renewal-thresholds.js";
