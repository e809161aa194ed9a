import { mailKind, type MailLanguage } from "../notifications/index.js";
import { PROTOCOL_WORDS, type MailFacts } from "./protocol-words.js";

/**
 * The protocol's mail as a mail kind (decision 0089): its words stay in protocol-words.ts beside the PDF's, which
 * share them (the calendar's title, the file's name), and are read from there for each language.
 */
/** A corrected protocol's mail also says which version it is, why, and what changed (in each language). */
export interface ProtocolMailFacts extends MailFacts {
  correction?: { version: number; reason: string; changes: Record<MailLanguage, string[]> };
}

const word = (language: MailLanguage) => (f: ProtocolMailFacts) => {
  const w = PROTOCOL_WORDS[language];
  const c = f.correction;
  return {
    subject: c ? w.correctedSubject(f.number, f.property, f.on, c.version) : w.mailSubject(f.number, f.property, f.on),
    body: c ? w.correctedBody(f, c.version, c.reason, c.changes[language]) : w.mailBody(f),
    calendarTitle: w.calendarTitle(f.number),
    calendarText: w.calendarText(f.technician),
    fileName: w.fileName,
  };
};

export const PROTOCOL_MAIL = mailKind<ProtocolMailFacts, ReturnType<ReturnType<typeof word>>>(
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
