import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { PAGE_SIZES } from "~/lib/paging";

interface SearchFormProps {
  searchLabel: string;
  q: string;
  size: number;
  /** More filters, e.g. a select of organisation kinds. */
  children?: ReactNode;
}

/** Search and filters of a list, sent as a GET so the URL can be shared; starts again at page one. */
export function SearchForm({ searchLabel, q, size, children }: SearchFormProps) {
  const t = useT();
  const location = useLocation();
  const [params] = useSearchParams();
  const filtered = ["q", "kind"].some((name) => params.get(name));
  return (
    <Form method="get" className="filters" role="search" key={location.search}>
      <div className="field field-grow">
        <label htmlFor="q">{searchLabel}</label>
        <input id="q" type="search" name="q" defaultValue={q} maxLength={200} autoComplete="off" />
      </div>
      {children}
      <PageSizeField size={size} />
      <FilterActions submitLabel={t("list.searchButton")} filtered={filtered} />
    </Form>
  );
}

/** The page-size choice of a list's filter form. */
export function PageSizeField({ size }: { size: number }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor="size">{t("list.pageSize")}</label>
      <select id="size" name="size" defaultValue={String(size)}>
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Submit, and "clear" back to the unfiltered list when a filter is set. */
export function FilterActions({ submitLabel, filtered }: { submitLabel: string; filtered: boolean }) {
  const t = useT();
  const location = useLocation();
  return (
    <div className="filter-actions">
      <button type="submit" className="button">
        {submitLabel}
      </button>
      {filtered ? (
        <Link to={location.pathname} className="button button-secondary">
          {t("list.clear")}
        </Link>
      ) : null}
    </div>
  );
}

interface PaginationProps {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  shown: number;
  total: number;
}

/** "Föregående" / "Nästa" by Relay cursors kept in the URL, with the filters carried along. */
export function Pagination({ pageInfo, shown, total }: PaginationProps) {
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const to = (set: "after" | "before", cursor: string) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    next.set(set, cursor);
    return `?${next.toString()}`;
  };
  const previous = pageInfo.hasPreviousPage && pageInfo.startCursor ? to("before", pageInfo.startCursor) : undefined;
  const next = pageInfo.hasNextPage && pageInfo.endCursor ? to("after", pageInfo.endCursor) : undefined;
  return (
    <nav className="pager" aria-label={t("list.pagination")}>
      <p className="pager-status" data-shown={shown} data-total={total}>
        {t("list.showing", { shown: formatNumber(lang, shown), total: formatNumber(lang, total) })}
      </p>
      {previous || next ? (
        <div className="pager-links">
          {previous ? (
            <Link to={previous} rel="prev" className="button button-secondary">
              ← {t("list.previous")}
            </Link>
          ) : (
            <span className="button button-secondary" aria-disabled="true">
              ← {t("list.previous")}
            </span>
          )}
          {next ? (
            <Link to={next} rel="next" className="button button-secondary">
              {t("list.next")} →
            </Link>
          ) : (
            <span className="button button-secondary" aria-disabled="true">
              {t("list.next")} →
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}

/** What an empty list says, with a hint when a search may be the reason. */
export function EmptyState({ title, hint }: { title: string; hint?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <p className="empty-title">{title}</p>
      {hint ? <p className="muted">{hint}</p> : null}
    </div>
  );
}
