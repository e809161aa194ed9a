/**
 * The visit protocol's words in each language a user can choose (decision 0075): the PDF and the mail that carries
 * it. What people wrote (the technician's notes, a correction's reason) and the backup evidence's sentence stay as
 * they were written; they are records, not labels.
 */
export type ProtocolLanguage = "SV" | "EN";

export const PROTOCOL_WORDS = {
  SV: {
    locale: "sv-SE",
    title: "Protokoll från årligt supportbesök",
    pdfTitle: (n: string, on: string) => `Protokoll från supportbesök ${n} ${on}`,
    page: (p: number, of: number) => `sida ${p} av ${of}`,
    corrected: (v: number, why: string) => `Version ${v} – rättad: ${why}`,
    version: (v: number) => `Version ${v}`,
    draft: "Utkast – besöket är inte avslutat",
    agreement: "Avtal",
    customer: "Kund",
    property: "Fastighet",
    date: "Datum",
    at: "kl.",
    technician: "Tekniker",
    checks: "Kontroller",
    check: "Kontroll",
    result: "Resultat",
    note: "Anteckning",
    results: { OK: "OK", NEEDS_ACTION: "Behöver åtgärdas", NOT_APPLICABLE: "Ej tillämpligt" } as Record<string, string>,
    notRecorded: "Ej registrerad",
    size: "Storlek",
    firstReading: "första mätningen",
    sinceLast: "sedan förra besöket",
    installed: "installerad",
    latest: "senaste",
    signing: "Underskrift och bekräftelse",
    signedBy: "Signerat av",
    acknowledgedBy: "Bekräftat i portalen av",
    unsigned: "Inte signerat eller bekräftat ännu.",
    sizeYear: "Databasens storlek senaste året",
    weekly: "Backupens storlek vecka för vecka.",
    sizeYears: "Databasens storlek över åren",
    noReading: "Ingen mätning ännu.",
    trend: (visits: number, growth: string) => `Trend över ${visits} besök: ${growth} per år.`,
    mailSubject: (n: string, property: string, on: string) => `Protokoll från supportbesök ${n}, ${property} ${on}`,
    mailBody: (d: MailFacts) =>
      `Hej!\n\nHär är protokollet från det årliga supportbesöket ${d.on} på ${d.property} (avtal ${d.number}), utfört av ${d.technician}.\n\nProtokollet finns också i Trygg-portalen, där det kan bekräftas.\n\nVänliga hälsningar\n${d.vendor}\n`,
    correctedSubject: (n: string, property: string, on: string, v: number) =>
      `Rättat protokoll (version ${v}) från supportbesök ${n}, ${property} ${on}`,
    correctedBody: (d: MailFacts, v: number, reason: string, changes: string[]) =>
      `Hej!\n\nProtokollet från supportbesöket ${d.on} på ${d.property} (avtal ${d.number}) är rättat. Den nya versionen (${v}) är bifogad; den tidigare finns kvar i Trygg-portalen.\n\nSkäl: ${reason}\n\nDetta ändrades:\n${changes.length ? changes.join("\n") : "- Underskriften"}\n\nVänliga hälsningar\n${d.vendor}\n`,
    changedField: { result: "resultat", note: "anteckning", databaseSizeMb: "storlek" },
    empty: "(tomt)",
    fileName: "supportbesok-protokoll",
    calendarTitle: (n: string) => `Supportbesök ${n}`,
    calendarText: (technician: string) => `Årligt supportbesök, tekniker ${technician}.`,
  },
  EN: {
    locale: "en-GB",
    title: "Annual support visit protocol",
    pdfTitle: (n: string, on: string) => `Support visit protocol ${n} ${on}`,
    page: (p: number, of: number) => `page ${p} of ${of}`,
    corrected: (v: number, why: string) => `Version ${v} – corrected: ${why}`,
    version: (v: number) => `Version ${v}`,
    draft: "Draft – the visit is not completed",
    agreement: "Agreement",
    customer: "Customer",
    property: "Property",
    date: "Date",
    at: "at",
    technician: "Technician",
    checks: "Checks",
    check: "Check",
    result: "Result",
    note: "Note",
    results: { OK: "OK", NEEDS_ACTION: "Needs action", NOT_APPLICABLE: "Not applicable" } as Record<string, string>,
    notRecorded: "Not recorded",
    size: "Size",
    firstReading: "first reading",
    sinceLast: "since the previous visit",
    installed: "installed",
    latest: "latest",
    signing: "Signature and acknowledgement",
    signedBy: "Signed by",
    acknowledgedBy: "Acknowledged in the portal by",
    unsigned: "Not signed or acknowledged yet.",
    sizeYear: "Database size over the past year",
    weekly: "The backup's size week by week.",
    sizeYears: "Database size over the years",
    noReading: "No reading yet.",
    trend: (visits: number, growth: string) => `Trend over ${visits} visits: ${growth} per year.`,
    mailSubject: (n: string, property: string, on: string) => `Support visit protocol ${n}, ${property} ${on}`,
    mailBody: (d: MailFacts) =>
      `Hello,\n\nHere is the protocol of the annual support visit on ${d.on} at ${d.property} (agreement ${d.number}), performed by ${d.technician}.\n\nThe protocol is also in the Trygg portal, where it can be acknowledged.\n\nKind regards\n${d.vendor}\n`,
    correctedSubject: (n: string, property: string, on: string, v: number) =>
      `Corrected protocol (version ${v}) of support visit ${n}, ${property} ${on}`,
    correctedBody: (d: MailFacts, v: number, reason: string, changes: string[]) =>
      `Hello,\n\nThe protocol of the support visit on ${d.on} at ${d.property} (agreement ${d.number}) has been corrected. The new version (${v}) is attached; the earlier one stays in the Trygg portal.\n\nReason: ${reason}\n\nWhat changed:\n${changes.length ? changes.join("\n") : "- The signature"}\n\nKind regards\n${d.vendor}\n`,
    changedField: { result: "result", note: "note", databaseSizeMb: "size" },
    empty: "(empty)",
    fileName: "support-visit-protocol",
    calendarTitle: (n: string) => `Support visit ${n}`,
    calendarText: (technician: string) => `Annual support visit, technician ${technician}.`,
  },
} as const;

export interface MailFacts {
  on: string;
  property: string;
  number: string;
  technician: string;
  vendor: string;
}
