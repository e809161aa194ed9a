import type { ProtocolCheckSnapshot } from "../../db/schema/index.js";
import { PROTOCOL_WORDS, type ProtocolLanguage } from "./protocol-words.js";

/** One field of one check that a correction changed, as the mail of the corrected protocol lists it. */
export interface ProtocolChange {
  kind: string;
  field: "result" | "note" | "databaseSizeMb";
  from: string | number | null;
  to: string | number | null;
}

const FIELDS = ["result", "note", "databaseSizeMb"] as const;

/**
 * What differs between the version the readers last received and the one they get now, check by check, so the
 * mail says what changed instead of asking them to compare two PDFs.
 */
export function protocolChanges(
  before: readonly ProtocolCheckSnapshot[],
  after: readonly ProtocolCheckSnapshot[],
): ProtocolChange[] {
  return after.flatMap((now) => {
    const was = before.find((c) => c.kind === now.kind);
    return FIELDS.flatMap((field) => {
      const from = was?.[field] ?? null;
      const to = now[field] ?? null;
      return (from ?? "") === (to ?? "") ? [] : [{ kind: now.kind, field, from, to }];
    });
  });
}

/** The changes as lines of the mail, in the reader's language; the notes quoted as written. */
export function changeLines(
  changes: readonly ProtocolChange[],
  titles: ReadonlyMap<string, { titleSv: string; titleEn: string }>,
  language: ProtocolLanguage,
): string[] {
  const w = PROTOCOL_WORDS[language];
  const shown = (field: ProtocolChange["field"], v: string | number | null) => {
    if (v == null || v === "") return w.empty;
    if (field === "result") return w.results[String(v)] ?? String(v);
    if (field === "databaseSizeMb") return `${Number(v).toLocaleString(w.locale)} MB`;
    return `"${v}"`;
  };
  return changes.map((c) => {
    const title = titles.get(c.kind);
    const name = title ? (language === "EN" ? title.titleEn : title.titleSv) : c.kind;
    return `- ${name}, ${w.changedField[c.field]}: ${shown(c.field, c.from)} → ${shown(c.field, c.to)}`;
  });
}
