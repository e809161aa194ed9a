import { MAIL_DATES, mailKind, type MailLanguage } from "../notifications/index.js";
import { SUCCESSOR_ROLE } from "./accounts.roles.js";

/**
 * The mails of accounts, each in its reader's language (decision 0089). Plain text: a link and why it came,
 * so that any mail reader shows it and a forwarded mail is read the same.
 */

const ROLE_NAMES: Record<MailLanguage, Record<string, string>> = {
  SV: {
    ADMIN: "administratör",
    SELLER: "säljare",
    SUPPORT: "support",
    PARTNER_ADMIN: "partneradministratör",
    PARTNER_STAFF: "partnerpersonal",
    CUSTOMER_ADMIN: "kundadministratör",
    CUSTOMER_MEMBER: "medlem",
  },
  EN: {
    ADMIN: "administrator",
    SELLER: "seller",
    SUPPORT: "support",
    PARTNER_ADMIN: "partner administrator",
    PARTNER_STAFF: "partner staff",
    CUSTOMER_ADMIN: "customer administrator",
    CUSTOMER_MEMBER: "member",
  },
};

export const roleName = (language: MailLanguage, role: string) => ROLE_NAMES[language][role] ?? role;

interface InvitationFacts {
  name: string;
  organisationName: string;
  role: string;
  invitedBy: string;
  link: string;
  expiresAt: Date;
}

export const INVITATION_MAIL = mailKind<InvitationFacts>(
  "invitation",
  {
    SV: (f) => ({
      subject: `Inbjudan till Trygg för ${f.organisationName}`,
      body: [
        `Hej ${f.name}!`,
        "",
        `${f.invitedBy} har bjudit in dig till Trygg som ${roleName("SV", f.role)} för ${f.organisationName}.`,
        "Öppna länken och välj ditt lösenord:",
        "",
        f.link,
        "",
        `Länken gäller till och med ${MAIL_DATES.SV.day(f.expiresAt)} och kan användas en gång.`,
        "Väntade du dig inte inbjudan kan du bortse från det här meddelandet.",
      ].join("\n"),
    }),
    EN: (f) => ({
      subject: `Invitation to Trygg for ${f.organisationName}`,
      body: [
        `Hello ${f.name},`,
        "",
        `${f.invitedBy} has invited you to Trygg as ${roleName("EN", f.role)} for ${f.organisationName}.`,
        "Open the link and choose your password:",
        "",
        f.link,
        "",
        `The link is valid until ${MAIL_DATES.EN.day(f.expiresAt)} inclusive and can be used once.`,
        "If you did not expect this invitation, you can ignore this message.",
      ].join("\n"),
    }),
  },
  {
    name: "Eva Ek",
    organisationName: "BRF Solgläntan",
    role: SUCCESSOR_ROLE.CUSTOMER!,
    invitedBy: "Anna Berg",
    link: "https://trygg.example/invitation/tgi_x",
    expiresAt: new Date("2026-03-16T08:00:00Z"),
  },
);

export const PASSWORD_RESET_MAIL = mailKind<{ name: string; link: string; minutes: number }>(
  "passwordReset",
  {
    SV: (f) => ({
      subject: "Återställ ditt lösenord i Trygg",
      body: [
        `Hej ${f.name}!`,
        "",
        "Någon (förhoppningsvis du) bad om att få återställa lösenordet till ditt konto i Trygg.",
        "Öppna länken och välj ett nytt lösenord:",
        "",
        f.link,
        "",
        `Länken gäller i ${f.minutes} minuter och kan användas en gång. När lösenordet är bytt loggas`,
        "alla dina inloggningar ut, och dina API-nycklar slutar gälla.",
        "Bad du inte om det här kan du bortse från meddelandet; ditt lösenord är oförändrat.",
      ].join("\n"),
    }),
    EN: (f) => ({
      subject: "Reset your Trygg password",
      body: [
        `Hello ${f.name},`,
        "",
        "Someone (hopefully you) asked to reset the password of your Trygg account.",
        "Open the link and choose a new password:",
        "",
        f.link,
        "",
        `The link is valid for ${f.minutes} minutes and can be used once. Once the password is changed,`,
        "all your sessions are logged out and your API keys stop working.",
        "If you did not ask for this, you can ignore this message; your password is unchanged.",
      ].join("\n"),
    }),
  },
  { name: "Eva Ek", link: "https://trygg.example/reset-password/tgr_x", minutes: 60 },
);

/** To an address with no active account: the asker sees the same answer, the owner learns why no link came. */
export const NO_ACCOUNT_MAIL = mailKind<{ address: string; portalUrl: string }>(
  "passwordResetNoAccount",
  {
    SV: (f) => ({
      subject: "Återställ ditt lösenord i Trygg",
      body: [
        "Hej!",
        "",
        `Någon bad om att få återställa lösenordet för ${f.address} i Trygg (${f.portalUrl}),`,
        "men det finns inget aktivt konto med den adressen.",
        "Har du ett konto med en annan adress kan du be om en länk till den. Ska du ha ett konto,",
        "be administratören i din organisation om en inbjudan.",
        "Bad du inte om det här kan du bortse från meddelandet.",
      ].join("\n"),
    }),
    EN: (f) => ({
      subject: "Reset your Trygg password",
      body: [
        "Hello,",
        "",
        `Someone asked to reset the password for ${f.address} in Trygg (${f.portalUrl}),`,
        "but there is no active account with that address.",
        "If you have an account with another address, you can ask for a link to that one. If you should have",
        "an account, ask the administrator of your organisation for an invitation.",
        "If you did not ask for this, you can ignore this message.",
      ].join("\n"),
    }),
  },
  { address: "someone@example.com", portalUrl: "https://trygg.example" },
);
