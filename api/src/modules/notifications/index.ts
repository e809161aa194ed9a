/** The notifications module as other modules see it: mail is queued in the caller's transaction. */
export { queueEmail, type OutgoingEmail } from "./email.service.js";
export { OUTBOX_KEEPERS } from "./outbox.roles.js";
export { recipientsOf, usersWanting } from "./notification-preferences.js";
export type { NotificationTopic } from "./notification-topics.js";
export { anonymiseMailsTo } from "./mail-anonymisation.js";
