import { Form, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** The search box in the header: a plain GET form, so it works before (and without) the script. */
export function HeaderSearch() {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <Form method="get" action="/search" role="search" className="header-search" aria-label={t("search.label")}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id="header-search-q"
        type="search"
        name="q"
        required
        maxLength={100}
        defaultValue={params.get("q") ?? ""}
        placeholder={t("search.placeholder")}
        key={params.get("q") ?? ""}
      />
      {/* Named after the whole search, so it is not confused with a list's own "Sök" button. */}
      <button type="submit" className="button button-ghost" aria-label={t("search.label")}>
        {t("search.submit")}
      </button>
    </Form>
  );
}
