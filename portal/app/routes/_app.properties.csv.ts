import type { LoaderFunctionArgs } from "@remix-run/node";
import { PropertiesDocument } from "~/graphql/graphql";
import { translator } from "~/i18n/i18n";
import { apiFor } from "~/lib/api.server";
import { csvFilename, csvResponse, nextCursor } from "~/lib/csv.server";
import { todayInSweden } from "~/lib/dates";
import { searchFromUrl } from "~/lib/paging";

/** The property list as CSV, with the list page's search from the URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, lang } = await apiFor(request);
  const t = translator(lang);
  const filter = { search: searchFromUrl(new URL(request.url)) };
  const first = await api.query(PropertiesDocument, { filter, first: 100 });
  return csvResponse({
    filename: csvFilename(t("export.propertiesFile"), todayInSweden()),
    header: [
      t("field.name"),
      t("export.streetAddress"),
      t("export.postalCode"),
      t("export.city"),
      t("export.apartments"),
      t("field.customer"),
      t("export.installer"),
    ],
    fetchPage: async (after) => {
      const { properties } = after ? await api.query(PropertiesDocument, { filter, first: 100, after }) : first;
      return { rows: properties.edges.map((e) => e.node), next: nextCursor(properties.pageInfo) };
    },
    toCells: (p) => [p.name, p.streetAddress, p.postalCode, p.city, p.apartments, p.customer.name, p.installer?.name],
  });
}
