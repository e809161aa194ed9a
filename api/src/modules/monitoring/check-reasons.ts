/**
 * Why a check went late or down, in the words of a support case and an incident mail: Swedish, the
 * customer's language. The API gives the code (a flip's or incident's reason, a ping's anomaly), so a
 * client words it in its own language; these are the API's words, kept here and nowhere else.
 */
const REASON_WORDS: Record<string, string> = {
  MISSED: "har inte hörts av i tid",
  FAILED: "rapporterade fel",
  NEVER_FINISHED: "startade men blev aldrig klar",
  BACKUP_ANOMALY: "rapporterade en backup som inte håller måttet",
  BACKUP_FIGURES_MISSING: "rapporterade lyckad backup utan storlek och tid",
  BACKUP_TOO_SMALL: "rapporterade en backup under hälften av sin vanliga storlek",
  BACKUP_TOO_FAST: "rapporterade en backup som tog under en femtedel av sin vanliga tid",
};

/** The reason in words; a code without words (none today) shows as itself rather than as nothing. */
export function reasonInWords(code: string | null): string {
  return code == null ? "gick ner" : (REASON_WORDS[code] ?? code);
}
