import { useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** "Exportera CSV": the list with the filter on screen, every page of it (paging is left out). */
export function CsvExportLink({ to }: { to: string }) {
  const t = useT();
  const params = new URLSearchParams(useLocation().search);
  for (const paging of ["after", "before", "size"]) params.delete(paging);
  const query = params.toString();
  return (
    <a
      className="button button-secondary csv-export"
      href={query ? `${to}?${query}` : to}
      download
      title={t("export.csvLabel")}
    >
      {t("export.csv")}
    </a>
  );
}
