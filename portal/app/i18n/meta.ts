import { DEFAULT_LANG, isLang, translate, type MessageKey } from "./i18n";

interface MetaMatch {
  id: string;
  data: unknown;
}

/** "<page> – Trygg" in the session's language, for a route's `meta`. */
export function pageTitle(matches: ReadonlyArray<MetaMatch | undefined>, key: MessageKey): string {
  const root = matches.find((m) => m?.id === "root")?.data;
  const lang =
    typeof root === "object" && root !== null && "lang" in root && isLang(root.lang) ? root.lang : DEFAULT_LANG;
  return `${translate(lang, key)} – ${translate(lang, "app.name")}`;
}
