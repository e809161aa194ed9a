import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { EmptyState } from "~/components/list-controls";
import { MonitoringBoardDocument, MonitoringPageDocument } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { redirectToLogin } from "~/lib/session.server";
import { viewerOf } from "~/lib/viewer.server";
import { MonitoringBoardTable } from "./board-table";
import { CheckCard } from "./check-card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "monitoring.title") }];

/**
 * Support's board across customers when the viewer may read it (the API's MONITORING_BOARD section);
 * everyone else sees the installations they may see, each with its checks.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  if (viewer.sections.includes("MONITORING_BOARD")) {
    const { monitoringBoard } = await api.query(MonitoringBoardDocument, {});
    return { board: monitoringBoard, properties: null };
  }
  if (!viewer.sections.includes("MONITORING")) throw new Response("Forbidden", { status: 403 });
  const { properties } = await api.query(MonitoringPageDocument, {});
  const monitored = properties.edges.map((e) => e.node).filter((p) => p.monitoringChecks.length > 0);
  return { board: null, properties: monitored };
}

export default function MonitoringPage() {
  const t = useT();
  const { board, properties } = useLoaderData<typeof loader>();
  if (board) {
    const checks = board.edges.map((e) => e.node);
    return (
      <>
        <div className="page-heading">
          <h1>{t("monitoring.boardTitle")}</h1>
          <p className="muted">{t("monitoring.boardIntro")}</p>
        </div>
        {checks.length === 0 ? (
          <EmptyState title={t("monitoring.boardEmpty")} />
        ) : (
          <MonitoringBoardTable checks={checks} />
        )}
      </>
    );
  }
  return (
    <>
      <div className="page-heading">
        <h1>{t("monitoring.title")}</h1>
        <p className="muted">{t("monitoring.intro")}</p>
      </div>
      {!properties || properties.length === 0 ? (
        <EmptyState title={t("monitoring.empty")} hint={t("monitoring.emptyHint")} />
      ) : (
        properties.map((property) => (
          <section
            className="section"
            key={property.id}
            aria-labelledby={`property-${property.id}`}
            data-testid="monitored-property"
          >
            <h2 id={`property-${property.id}`}>
              {property.name} <span className="muted small">{property.city}</span>
            </h2>
            {property.monitoringChecks.map((check) => (
              <CheckCard key={check.id} check={check} />
            ))}
          </section>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
