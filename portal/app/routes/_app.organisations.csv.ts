import type { LoaderFunctionArgs } from "@remix-run/node";
import { OrganisationsDocument, type OrganisationKind } from "~/graphql/graphql";
import { translator } from "~/i18n/i18n";
import { apiFor } from "~/lib/api.server";
import { csvFilename, csvResponse, nextCursor } from "~/lib/csv.server";
import { todayInSweden } from "~/lib/dates";
import { searchFromUrl } from "~/lib/paging";

const KINDS: readonly OrganisationKind[] = ["VENDOR", "PARTNER", "CUSTOMER"];

/** The organisation list as CSV, with the list page's search and kind from the URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, lang } = await apiFor(request);
  const t = translator(lang);
  const url = new URL(request.url);
  const filter = { search: searchFromUrl(url), kind: KINDS.find((k) => k === url.searchParams.get("kind")) };
  const first = await api.query(OrganisationsDocument, { filter, first: 100 });
  return csvResponse({
    filename: csvFilename(t("export.organisationsFile"), todayInSweden()),
    header: [t("field.name"), t("field.kind"), t("field.organisationNumber"), t("export.createdAt")],
    fetchPage: async (after) => {
      const { organisations } = after ? await api.query(OrganisationsDocument, { filter, first: 100, after }) : first;
      return { rows: organisations.edges.map((e) => e.node), next: nextCursor(organisations.pageInfo) };
    },
    toCells: (o) => [o.name, t(`kind.${o.kind}`), o.organisationNumber, o.createdAt.slice(0, 10)],
  });
}
