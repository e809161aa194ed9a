import type { OutgoingEmail } from "../notifications/index.js";
import { ROLE_NAMES } from "./account-mail.js";

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** The yearly board check to one of the association's admins: who has access now, and the one link to hand over. */
export function boardCheckMail(input: {
  to: string;
  name: string;
  organisationName: string;
  meetingMonth: number;
  members: readonly { name: string; email: string; role: string }[];
  handoverUrl: string;
}): OutgoingEmail {
  return {
    to: input.to,
    subject: "Stämmer din styrelse i Trygg?",
    body: [
      `Hej ${input.name}!`,
      "",
      `${input.organisationName} har sin årsstämma i ${MONTHS[input.meetingMonth - 1]}. Har styrelsen bytts ut,`,
      "se till att de nya ledamöterna får tillgång och att de som har slutat inte längre har det.",
      "",
      `Så här ser ${input.organisationName}s användare i Trygg ut i dag:`,
      ...input.members.map((m) => `  - ${m.name} (${ROLE_NAMES[m.role] ?? m.role}), ${m.email}`),
      "",
      "Stämmer det kan du bortse från det här meddelandet. Annars lämnar du över här:",
      "",
      input.handoverUrl,
      "",
      "Du bjuder in den nya administratören och väljer om du själv ska lämna när hen har tackat ja.",
    ].join("\n"),
  };
}
