import { describe, expect, it } from "vitest";
import en from "./en.json";
import { LANGS, translate, type MessageKey } from "./i18n";
import sv from "./sv.json";

const keys = Object.keys(sv) as MessageKey[];
const varsOf = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]!);
const COUNTS = new Set(["count", "days", "hours", "quantity", "quota", "total", "shown", "used", "months"]);
const catalogue = { sv: sv as Record<string, string>, en: en as Record<string, string> };

describe("plurals", () => {
  it("choose the form by the language's plural rules, exact forms first, with the number as the language writes it", () => {
    expect(translate("sv", "agreements.daysLeft", { days: 1 })).toBe("1 dag kvar");
    expect(translate("sv", "agreements.daysLeft", { days: 1234 })).toBe("1\u00a0234 dagar kvar");
    expect(translate("en", "agreements.daysLeft", { days: 1 })).toBe("1 day left");
    expect(translate("en", "agreements.daysLeft", { days: 2 })).toBe("2 days left");
    expect(translate("sv", "agreements.endedDaysAgo", { days: 1 })).toBe("Slutade för 1 dag sedan");
    expect(translate("sv", "search.resultsFor", { count: 0, q: "x" })).toBe("Inga träffar för ”x”");
  });

  it("are used wherever a message shows a count: no message reads '1 dagar' or '1 days'", () => {
    const plural = { sv: /(^|[\s(])1 (?!h\b)[\p{L}-]*(ar|er|or|on|en)\b/u, en: /(^|[\s(])1 (?!h\b)[\p{L}-]*s\b/u };
    const wrong: string[] = [];
    for (const lang of LANGS) {
      for (const key of keys) {
        const text = catalogue[lang][key]!;
        // Counts are 1; names, dates and numbers that are not counts are words.
        const vars = Object.fromEntries(varsOf(text).map((v) => [v, COUNTS.has(v) ? 1 : "X"]));
        const shown = translate(lang, key, vars);
        if (plural[lang].test(shown)) wrong.push(`${lang} ${key}: ${shown}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("the Swedish addresses the reader as 'du' (docs/decisions, lived-demo address form)", () => {
  it("has no 'ni', 'er', 'era' or 'ert' addressing the reader", () => {
    const plural = /(^|[^\p{L}])(ni|er|era|ert|eder)(?![\p{L}])/iu;
    expect(keys.filter((k) => plural.test(sv[k])).map((k) => `${k}: ${sv[k]}`)).toEqual([]);
  });
});

describe("placeholders", () => {
  it("show numbers as each language writes them: no Swedish '1 234,50' in the English UI", () => {
    expect(keys.filter((k) => /\d,\d\d\b|\d \d{3}/.test(en[k])).map((k) => `${k}: ${en[k]}`)).toEqual([]);
  });
});
