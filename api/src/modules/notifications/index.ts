/** The notifications module as other modules see it: mail is queued in the caller's transaction. */
export {
  mailKind,
  queueMail,
  queueMailToEach,
  inLanguage,
  type MailLanguage,
  type MailReader,
  type Worded,
} from "./mail-kind.js";
export { MAIL_DATES, SIGN_OFF } from "./mail-dates.js";
export { OUTBOX_KEEPERS } from "./outbox.roles.js";
export { recipientsOf, usersWanting } from "./notification-preferences.js";
export type { NotificationTopic } from "./notification-topics.js";
export { anonymiseMailsTo } from "./mail-anonymisation.js";
