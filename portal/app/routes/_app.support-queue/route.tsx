import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { EmptyState, Pagination } from "~/components/list-controls";
import { SupportCaseList } from "~/components/support-case-list";
import { ViewSelect, viewFrom } from "~/components/view-select";
import { SupportQueueDocument, type SupportCaseFilter } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { OPEN_CASE_STATUSES } from "~/lib/enums";
import { viewerOf } from "~/lib/viewer.server";
import { pageFromUrl } from "~/lib/paging";
import { redirectToLogin } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "support.queueTitle") }];

const VENDOR_VIEWS = ["open", "overdue", "near-deadline", "mine", "unassigned", "done"] as const;
// A partner also sees the cases it opened for the vendor to answer; "routed" is its own share.
const PARTNER_VIEWS = ["open", "routed", "overdue", "near-deadline", "mine", "unassigned", "done"] as const;
type View = (typeof PARTNER_VIEWS)[number];

function filterOf(view: View): SupportCaseFilter {
  if (view === "done") return { status: ["RESOLVED", "CLOSED"] };
  if (view === "overdue") return { deadline: "OVERDUE" };
  if (view === "near-deadline") return { deadline: "NEAR_DEADLINE" };
  const open: SupportCaseFilter = { status: OPEN_CASE_STATUSES };
  if (view === "routed") return { ...open, routedTo: "PARTNER" };
  if (view === "mine") return { ...open, assignedToMe: true };
  if (view === "unassigned") return { ...open, unassigned: true };
  return open;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  // The API's SUPPORT_QUEUE section says who works a queue; the menu offers it to them alone.
  if (!viewer.sections.includes("SUPPORT_QUEUE")) throw new Response("Forbidden", { status: 403 });
  const partner = viewer.organisation.kind === "PARTNER";
  const views: readonly [View, ...View[]] = partner ? PARTNER_VIEWS : VENDOR_VIEWS;
  const view = viewFrom(url, views);
  const { supportCases } = await api.query(SupportQueueDocument, { filter: filterOf(view), ...page.variables });
  return { view, views, supportCases, partner };
}

export default function SupportQueuePage() {
  const t = useT();
  const { view, views, supportCases, partner } = useLoaderData<typeof loader>();
  const cases = supportCases.edges.map((e) => e.node);
  return (
    <>
      <div className="page-heading">
        <h1>{t("support.queueTitle")}</h1>
        <p className="muted">{partner ? t("support.queueIntroPartner") : t("support.queueIntroVendor")}</p>
      </div>
      <ViewSelect
        id="queue-view"
        views={views}
        current={view}
        label="support.queueView"
        viewLabel={(v) => `support.view.${v}`}
      />
      {cases.length === 0 ? (
        <EmptyState title={t("support.queueEmpty")} />
      ) : (
        <SupportCaseList cases={cases} queue caption={t("support.queueTitle")} />
      )}
      <Pagination pageInfo={supportCases.pageInfo} shown={cases.length} total={supportCases.totalCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
