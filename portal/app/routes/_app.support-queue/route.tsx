import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { EmptyState, Pagination } from "~/components/list-controls";
import { SupportCaseList } from "~/components/support-case-list";
import { SupportQueueDocument, type SupportCaseFilter } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { viewerOf } from "~/lib/viewer.server";
import { pageFromUrl } from "~/lib/paging";
import { redirectToLogin } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "support.queueTitle") }];

const VIEWS = ["open", "mine", "unassigned", "done"] as const;
type View = (typeof VIEWS)[number];

function filterOf(view: View): SupportCaseFilter {
  if (view === "done") return { status: ["RESOLVED", "CLOSED"] };
  const open: SupportCaseFilter = { status: ["OPEN", "WAITING_ON_CUSTOMER"] };
  if (view === "mine") return { ...open, assignedToMe: true };
  if (view === "unassigned") return { ...open, unassigned: true };
  return open;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const view = VIEWS.find((v) => v === url.searchParams.get("view")) ?? "open";
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  // The API's SUPPORT_QUEUE section says who works a queue; the menu offers it to them alone.
  if (!viewer.sections.includes("SUPPORT_QUEUE")) throw new Response("Forbidden", { status: 403 });
  const { supportCases } = await api.query(SupportQueueDocument, { filter: filterOf(view), ...page.variables });
  return { view, supportCases, partner: viewer.organisation.kind === "PARTNER" };
}

export default function SupportQueuePage() {
  const t = useT();
  const { view, supportCases, partner } = useLoaderData<typeof loader>();
  const cases = supportCases.edges.map((e) => e.node);
  return (
    <>
      <div className="page-heading">
        <h1>{t("support.queueTitle")}</h1>
        <p className="muted">{partner ? t("support.queueIntroPartner") : t("support.queueIntroVendor")}</p>
      </div>
      <Form method="get" className="inline-form" aria-label={t("support.queueView")}>
        <div className="field">
          <label htmlFor="queue-view">{t("support.queueView")}</label>
          <select id="queue-view" name="view" defaultValue={view}>
            {VIEWS.map((v) => (
              <option key={v} value={v}>
                {t(`support.view.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("support.show")}
        </button>
      </Form>
      {cases.length === 0 ? <EmptyState title={t("support.queueEmpty")} /> : <SupportCaseList cases={cases} queue caption={t("support.queueTitle")} />}
      <Pagination pageInfo={supportCases.pageInfo} shown={cases.length} total={supportCases.totalCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
