import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LANG, isLang, translator, type Lang, type Translate } from "./i18n";

/** The language the root loader read from the session; Swedish when there is none (e.g. on an error page). */
export function useLang(): Lang {
  const data = useRouteLoaderData("root");
  const lang = typeof data === "object" && data !== null && "lang" in data ? data.lang : undefined;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

export function useT(): Translate {
  return translator(useLang());
}
