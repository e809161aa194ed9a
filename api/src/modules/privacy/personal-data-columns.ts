/**
 * Every column whose name says it holds an e-mail, a postal or network address or a phone number, and what happens to
 * it when a former user is anonymised (decision 0086). `personal-data-columns.test.ts` reads the schema and fails
 * when a new such column is not listed here: whoever adds one decides, in this list, how it is covered.
 */
export const CONTACT_COLUMNS: Record<string, string> = {
  "users.email": "anonymised: former-user-<id>@anonymised.invalid (parties/user-anonymisation.ts)",
  "invitations.email": "anonymised with the user it named (accounts/account-anonymisation.ts)",
  "email_outbox.to_address": "anonymised, with the mail's text and attachments (notifications/mail-anonymisation.ts)",
  "hantera_accounts.email":
    "anonymised when deactivated longer than the retention period (agreements/hantera-account-anonymisation.ts)",
  "sessions.ip_address": "cleared (access: forgetSessionOrigins)",
  "password_resets.ip_address": "cleared (accounts/account-anonymisation.ts)",
  "email_attachments.email_id": "not an address: the mail an attachment belongs to (removed with the mail's text)",
  "monitoring_pings.remote_address": "not a person's: the monitored installation's network address",
  "properties.street_address": "not a person's: the building's address, the customer's record",
  "contact_requests.email":
    "not a user's: a sender without an account (contact module); kept with the request, no retention period yet",
  "contact_requests.phone": "as contact_requests.email",
  "contact_requests.ip_address": "as contact_requests.email; it is what the per-address limit counted",
  "organisations.contact_email":
    "the organisation's contact (decision 0125), often a shared mailbox: the organisation's record, not a user's: kept while the organisation is, removed or replaced by its editors with updateOrganisation (audited); no retention period yet",
  "organisations.contact_phone": "as organisations.contact_email",
  "support_cases.sender_email":
    "as contact_requests.email: the help request's sender, copied to the case it became (decision 0103)",
};

/*
 * The other columns that hold a person's name or words about them, and how each is covered (decision 0086's table):
 * users.name, invitations.name and hantera_accounts.name become "före detta användare"; audit_events.details loses
 * the address and the name (as a whole value) in rows about, by or of the user's organisation; email_outbox's
 * subject, body and html are emptied for mails to the user and have the name and address replaced in others;
 * sessions.user_agent is cleared.
 */
