import type { LoaderFunctionArgs } from "@remix-run/node";
import { AgreementsDocument } from "~/graphql/graphql";
import { translator } from "~/i18n/i18n";
import { agreementFilterOf, filterFromUrl } from "~/lib/agreement-filter";
import { apiFor } from "~/lib/api.server";
import { csvFilename, csvResponse, nextCursor } from "~/lib/csv.server";
import { todayInSweden } from "~/lib/dates";

/** The agreement list as CSV, with the list page's filter from the URL; every page of it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, lang } = await apiFor(request);
  const t = translator(lang);
  const fromUrl = filterFromUrl(new URL(request.url));
  // A file cannot say the link was wrong: refuse it rather than export a list without the filter asked for.
  if (fromUrl.badEndingBefore) throw new Response("Bad request", { status: 400 });
  const filter = agreementFilterOf(fromUrl);
  // The first page is asked before answering, so a failing API gives its error page, not half a file.
  const first = await api.query(AgreementsDocument, { filter, first: 100 });
  return csvResponse({
    filename: csvFilename(t("export.agreementsFile"), todayInSweden()),
    header: [
      t("agreements.number"),
      t("field.customer"),
      t("agreements.partner"),
      t("agreements.tier"),
      t("agreements.status"),
      t("export.startsOn"),
      t("export.endsOn"),
      t("export.terminatedOn"),
      t("agreements.daysLeftHeading"),
    ],
    fetchPage: async (after) => {
      const { agreements } = after ? await api.query(AgreementsDocument, { filter, first: 100, after }) : first;
      return { rows: agreements.edges.map((e) => e.node), next: nextCursor(agreements.pageInfo) };
    },
    toCells: (a) => [
      a.number,
      a.customer.name,
      a.partner?.name,
      a.tier.name,
      t(`agreementStatus.${a.status}`),
      a.startsOn,
      a.endsOn,
      a.terminatedOn,
      a.daysLeft,
    ],
  });
}
