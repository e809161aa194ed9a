import type { OutgoingEmail } from "../notifications/index.js";

/**
 * The mails of accounts, in Swedish (the portal's first language). Plain text: a link and why it
 * came, so that any mail reader shows it and a forwarded mail is read the same.
 */

export const ROLE_NAMES: Record<string, string> = {
  ADMIN: "administratör",
  SELLER: "säljare",
  SUPPORT: "support",
  PARTNER_ADMIN: "partneradministratör",
  PARTNER_STAFF: "partnerpersonal",
  CUSTOMER_ADMIN: "kundadministratör",
  CUSTOMER_MEMBER: "medlem",
};

export function invitationMail(input: {
  to: string;
  name: string;
  organisationName: string;
  role: string;
  invitedBy: string;
  link: string;
  expiresAt: Date;
}): OutgoingEmail {
  const until = input.expiresAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  return {
    to: input.to,
    subject: `Inbjudan till Trygg för ${input.organisationName}`,
    body: [
      `Hej ${input.name}!`,
      "",
      `${input.invitedBy} har bjudit in dig till Trygg som ${ROLE_NAMES[input.role] ?? input.role} för ${input.organisationName}.`,
      "Öppna länken och välj ditt lösenord:",
      "",
      input.link,
      "",
      `Länken gäller till och med ${until} och kan användas en gång.`,
      "Väntade du dig inte inbjudan kan du bortse från det här meddelandet.",
    ].join("\n"),
  };
}

export function resetMail(input: { to: string; name: string; link: string; minutes: number }): OutgoingEmail {
  return {
    to: input.to,
    subject: "Återställ ditt lösenord i Trygg",
    body: [
      `Hej ${input.name}!`,
      "",
      "Någon (förhoppningsvis du) bad om att få återställa lösenordet till ditt konto i Trygg.",
      "Öppna länken och välj ett nytt lösenord:",
      "",
      input.link,
      "",
      `Länken gäller i ${input.minutes} minuter och kan användas en gång. När lösenordet är bytt loggas`,
      "alla dina inloggningar ut, och dina API-nycklar slutar gälla.",
      "Bad du inte om det här kan du bortse från meddelandet; ditt lösenord är oförändrat.",
    ].join("\n"),
  };
}

/** To an address with no active account: the asker sees the same answer, the owner learns why no link came. */
export function noAccountMail(input: { to: string; portalUrl: string }): OutgoingEmail {
  return {
    to: input.to,
    subject: "Återställ ditt lösenord i Trygg",
    body: [
      "Hej!",
      "",
      `Någon bad om att få återställa lösenordet för ${input.to} i Trygg (${input.portalUrl}),`,
      "men det finns inget aktivt konto med den adressen.",
      "Har du ett konto med en annan adress kan du be om en länk till den. Ska du ha ett konto,",
      "be administratören i din organisation om en inbjudan.",
      "Bad du inte om det här kan du bortse från meddelandet.",
    ].join("\n"),
  };
}
