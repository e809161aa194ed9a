import { mailKind, type MailLanguage } from "../notifications/index.js";
import { PROTOCOL_WORDS, type MailFacts } from "./protocol-words.js";

/**
 * The protocol's mail as a mail kind (decision 0089): its words stay in protocol-words.ts beside the PDF's, which
 * share them (the calendar's title, the file's name), and are read from there for each language.
 */
const word = (language: MailLanguage) => (f: MailFacts) => {
  const w = PROTOCOL_WORDS[language];
  return {
    subject: w.mailSubject(f.number, f.property, f.on),
    body: w.mailBody(f),
    calendarTitle: w.calendarTitle(f.number),
    calendarText: w.calendarText(f.technician),
    fileName: w.fileName,
  };
};

export const PROTOCOL_MAIL = mailKind(
  "visitProtocol",
  { SV: word("SV"), EN: word("EN") },
  {
    on: "2026-05-04",
    property: "BRF Solgläntan",
    number: "TR-2026-0042",
    technician: "Tove Tekniker",
    vendor: "Aptus",
  },
);
