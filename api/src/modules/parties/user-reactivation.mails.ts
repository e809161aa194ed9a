import { mailKind, SIGN_OFF } from "../notifications/index.js";

/** To the user an admin brought back: the account works again with the password it had. */
export const USER_REACTIVATED_MAIL = mailKind<{ name: string; organisationName: string; portalUrl: string }>(
  "userReactivated",
  {
    SV: (f) => ({
      subject: "Ditt konto i Trygg är aktiverat igen",
      body: [
        `Hej ${f.name}!`,
        "",
        `En administratör har aktiverat ditt konto hos ${f.organisationName} i Trygg igen.`,
        "Logga in med din e-postadress och ditt lösenord som förut:",
        "",
        `${f.portalUrl}/login`,
        "",
        `Minns du inte lösenordet väljer du ett nytt på ${f.portalUrl}/forgot-password.`,
        "API-nycklar du hade gäller inte längre; skapa nya vid behov.",
        "",
        SIGN_OFF.SV,
      ].join("\n"),
    }),
    EN: (f) => ({
      subject: "Your Trygg account is active again",
      body: [
        `Hello ${f.name},`,
        "",
        `An administrator has reactivated your account at ${f.organisationName} in Trygg.`,
        "Log in with your e-mail address and your password as before:",
        "",
        `${f.portalUrl}/login`,
        "",
        `If you do not remember the password, choose a new one at ${f.portalUrl}/forgot-password.`,
        "API keys you had no longer work; create new ones if you need them.",
        "",
        SIGN_OFF.EN,
      ].join("\n"),
    }),
  },
  { name: "Eva Ek", organisationName: "Brf Solgläntan", portalUrl: "https://trygg.example" },
);
