/** The notifications module as other modules see it: mail is queued in the caller's transaction. */
export { queueEmail, type OutgoingEmail, type EmailAttachment } from "./email.service.js";
export {
  mailKind,
  queueMail,
  queueMailToEach,
  wordMail,
  inLanguage,
  type MailKind,
  type MailLanguage,
  type MailReader,
  type MailText,
  type Worded,
} from "./mail-kind.js";
export { MAIL_DATES, SIGN_OFF } from "./mail-dates.js";
export { OUTBOX_KEEPERS } from "./outbox.roles.js";
export { recipientsOf, usersWanting } from "./notification-preferences.js";
export type { NotificationTopic } from "./notification-topics.js";
export { anonymiseMailsTo } from "./mail-anonymisation.js";
