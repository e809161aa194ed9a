import en from "./en.json";
import sv from "./sv.json";
import { dateTimeFormat, numberFormat } from "./intl-formats";

/** Swedish first, English second (domain.md: "The portal speaks Swedish first"). */
export const LANGS = ["sv", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "sv";

export type MessageKey = keyof typeof sv;
type Messages = Record<MessageKey, string>;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

// Typed as Messages so that a key missing from en.json fails the type check.
const catalogues: Record<Lang, Messages> = { sv, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `vars`, and ICU plurals
 * `{count, plural, one {# dag} other {# dagar}}` chosen by the language's plural rules (`=0` and
 * the other exact forms first); `#` is the number as the language writes it.
 */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text = catalogues[lang][key];
  if (!vars) return text;
  return withPlurals(lang, text, vars).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

const PLURAL_START = /\{(\w+),\s*plural,/g;

/** Replaces each `{name, plural, …}` block by the branch for `vars[name]`. */
function withPlurals(lang: Lang, text: string, vars: MessageVars): string {
  let out = "";
  let from = 0;
  for (let m = PLURAL_START.exec(text); m; m = PLURAL_START.exec(text)) {
    const end = closingBrace(text, m.index);
    const name = m[1]!;
    const value = Number(
      typeof vars[name] === "string"
        ? String(vars[name])
            .replace(/[\s\u00a0\u202f]/g, "")
            .replace(",", ".")
        : vars[name],
    );
    out += text.slice(from, m.index) + pluralBranch(lang, text.slice(m.index + m[0].length, end), value);
    from = end + 1;
    PLURAL_START.lastIndex = from;
  }
  PLURAL_START.lastIndex = 0;
  return out + text.slice(from);
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`Unclosed plural in message: ${text}`);
}

/** One PluralRules per language, made once (like the formatters in intl-formats.ts). */
const pluralRules = new Map<Lang, Intl.PluralRules>();
const pluralOf = (lang: Lang, value: number) => {
  if (!pluralRules.has(lang)) pluralRules.set(lang, new Intl.PluralRules(LOCALES[lang]));
  return pluralRules.get(lang)!.select(value);
};

function pluralBranch(lang: Lang, body: string, value: number): string {
  const branches = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
  for (let m = selector.exec(body); m; m = selector.exec(body)) {
    const open = m.index + m[0].length - 1;
    const close = closingBrace(body, open);
    branches.set(m[1]!, body.slice(open + 1, close));
    selector.lastIndex = close + 1;
  }
  const chosen = branches.get(`=${value}`) ?? branches.get(pluralOf(lang, value)) ?? branches.get("other") ?? "";
  return chosen.replace(/#/g, Number.isFinite(value) ? formatNumber(lang, value) : "#");
}

export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(sv, key);
}

/** The words for an API userError code; a code the portal does not know yet gets a helpful generic line. */
export function userErrorKey(code: string): MessageKey {
  const key = `userError.${code}`;
  return hasMessage(key) ? key : "userError.UNKNOWN";
}

/** The one mapping from the portal's languages to Intl locales. */
export const LOCALES: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

/** Dates and times as a Swede at the vendor in Göteborg reads them, whatever the server's zone. */
export function formatDateTime(lang: Lang, iso: string): string {
  return dateTimeFormat(LOCALES[lang], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));
}

export function formatDate(lang: Lang, iso: string): string {
  return dateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeZone: "Europe/Stockholm" }).format(new Date(iso));
}

export function formatNumber(lang: Lang, value: number): string {
  return numberFormat(LOCALES[lang]).format(value);
}
