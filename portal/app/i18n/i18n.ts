import en from "./en.json";
import sv from "./sv.json";
import { dateTimeFormat, numberFormat } from "./intl-formats";

/** Swedish first, English second (domain.md: "The portal speaks Swedish first"). */
export const LANGS = ["sv", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "sv";

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

// Typed as Messages so that a key missing from en.json fails the type check.
const catalogues: Record<Lang, Messages> = { sv, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text = catalogues[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}

/** A message key for an API userError code, when the portal knows the code. */
export function userErrorKey(code: string): MessageKey {
  const key = `userError.${code}`;
  return key in sv ? (key as MessageKey) : "userError.UNKNOWN";
}

/** The one mapping from the portal's languages to Intl locales. */
export const LOCALES: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

/** Dates and times as a Swede at the vendor in Göteborg reads them, whatever the server's zone. */
export function formatDateTime(lang: Lang, iso: string): string {
  return dateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(new Date(iso));
}

export function formatDate(lang: Lang, iso: string): string {
  return dateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeZone: "Europe/Stockholm" }).format(new Date(iso));
}

export function formatNumber(lang: Lang, value: number): string {
  return numberFormat(LOCALES[lang]).format(value);
}
