import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { MailKind, MailLanguage, MailText } from "./mail-kind.js";

// Decision 0089: every mail Trygg sends is a kind worded once per language, in a `*.mails.ts` beside its sender.
const modules = fileURLToPath(new URL("..", import.meta.url));
const LANGUAGES: MailLanguage[] = ["SV", "EN"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const sources = filesUnder(modules).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

const isKind = (v: unknown): v is MailKind<unknown, MailText> =>
  typeof v === "object" && v !== null && "kind" in v && "words" in v && "example" in v;

async function allKinds() {
  const kinds: { file: string; kind: MailKind<unknown, MailText> }[] = [];
  for (const file of sources.filter((f) => f.endsWith(".mails.ts"))) {
    const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(exported))
      if (isKind(value)) kinds.push({ file: relative(modules, file), kind: value });
  }
  return kinds;
}

describe("the mail kinds", () => {
  it("are found (the check below is not empty)", async () => {
    expect((await allKinds()).length).toBeGreaterThan(10);
  });

  it("are each worded in Swedish and in English, and not the same words twice", async () => {
    const problems: string[] = [];
    const names = new Set<string>();
    for (const { file, kind } of await allKinds()) {
      if (names.has(kind.kind)) problems.push(`${file}: the kind ${kind.kind} is named twice`);
      names.add(kind.kind);
      const worded = new Map<MailLanguage, MailText>();
      for (const language of LANGUAGES) {
        const word = (kind.words as Partial<Record<MailLanguage, (f: unknown) => MailText>>)[language];
        if (typeof word !== "function") {
          problems.push(`${file}: ${kind.kind} has no ${language} words`);
          continue;
        }
        const text = word(kind.example);
        if (!text.subject.trim() || !text.body.trim()) problems.push(`${file}: ${kind.kind} ${language} is empty`);
        worded.set(language, text);
      }
      const extra = Object.keys(kind.words).filter((l) => !LANGUAGES.includes(l as MailLanguage));
      if (extra.length) problems.push(`${file}: ${kind.kind} has words in ${extra.join()}, which no user can choose`);
      const [sv, en] = [worded.get("SV"), worded.get("EN")];
      if (sv && en && (sv.subject === en.subject || sv.body === en.body))
        problems.push(`${file}: ${kind.kind} says the same in Swedish and English`);
    }
    expect(problems).toEqual([]);
  });

  it("are the only way a module sends mail: nothing outside notifications queues a hand-worded one", () => {
    const direct = sources
      .filter((f) => !relative(modules, f).startsWith("notifications"))
      .filter((f) => /\bqueueEmail\s*\(/.test(readFileSync(f, "utf8")))
      .map((f) => relative(modules, f));
    expect(direct).toEqual([]);
  });
});
