import { mailKind } from "../notifications/index.js";
import { SUCCESSOR_ROLE } from "./accounts.roles.js";
import { roleName } from "./account.mails.js";

const MONTHS = {
  SV: [
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
  ],
  EN: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

interface BoardCheckFacts {
  name: string;
  organisationName: string;
  meetingMonth: number;
  members: readonly { name: string; email: string; role: string }[];
  handoverUrl: string;
}

/** The yearly board check to one of the association's admins: who has access now, and the one link to hand over. */
export const BOARD_CHECK_MAIL = mailKind<BoardCheckFacts>(
  "boardCheck",
  {
    SV: (f) => ({
      subject: "Stämmer din styrelse i Trygg?",
      body: [
        `Hej ${f.name}!`,
        "",
        `${f.organisationName} har sin årsstämma i ${MONTHS.SV[f.meetingMonth - 1]}. Har styrelsen bytts ut,`,
        "se till att de nya ledamöterna får tillgång och att de som har slutat inte längre har det.",
        "",
        `Så här ser ${f.organisationName}s användare i Trygg ut i dag:`,
        ...f.members.map((m) => `  - ${m.name} (${roleName("SV", m.role)}), ${m.email}`),
        "",
        "Stämmer det kan du bortse från det här meddelandet. Annars lämnar du över här:",
        "",
        f.handoverUrl,
        "",
        "Du bjuder in den nya administratören och väljer om du själv ska lämna när hen har tackat ja.",
      ].join("\n"),
    }),
    EN: (f) => ({
      subject: "Is your board up to date in Trygg?",
      body: [
        `Hello ${f.name},`,
        "",
        `${f.organisationName} holds its annual general meeting in ${MONTHS.EN[f.meetingMonth - 1]}. If the board has changed,`,
        "make sure the new members have access and that those who have left no longer do.",
        "",
        `These are ${f.organisationName}'s users in Trygg today:`,
        ...f.members.map((m) => `  - ${m.name} (${roleName("EN", m.role)}), ${m.email}`),
        "",
        "If that is right, you can ignore this message. Otherwise, hand over here:",
        "",
        f.handoverUrl,
        "",
        "You invite the new administrator and choose whether to leave yourself once they have accepted.",
      ].join("\n"),
    }),
  },
  {
    name: "Anna Berg",
    organisationName: "BRF Solgläntan",
    meetingMonth: 5,
    members: [{ name: "Anna Berg", email: "anna@solglantan.example", role: SUCCESSOR_ROLE.CUSTOMER! }],
    handoverUrl: "https://trygg.example/board-handover",
  },
);
