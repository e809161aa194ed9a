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
      <button type="submit" className="button button-ghost">
        {t("search.submit")}
      </button>
    </Form>
  );
}
