import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { EmptyState } from "~/components/list-controls";
import { HostingSection } from "~/components/hosting-section";
import {
  MonitoredPropertiesDocument,
  MonitoringBoardDocument,
  MonitoringPageDocument,
  OwnHostingDocument,
} from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { redirectToLogin } from "~/lib/session.server";
import { viewerOf } from "~/lib/viewer.server";
import { swedishWallClock } from "~/lib/dates";
import { MonitoringBoardTable } from "./board-table";
import { CheckCard } from "./check-card";
import { MaintenanceSection } from "./maintenance-section";
import { MaintenanceBadge } from "./state-badge";
import { runMaintenanceIntent } from "./maintenance.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "monitoring.title") }];

/**
 * Support's board across customers when the viewer may read it (the API's MONITORING_BOARD section),
 * and one installation of the board's (`?property=`) to plan its maintenance; everyone else sees the
 * installations they may see, each with its checks.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  const wanted = new URL(request.url).searchParams.get("property");
  const now = swedishWallClock(new Date());
  if (viewer.sections.includes("MONITORING_BOARD")) {
    if (wanted)
      return { board: null, installations: [], property: await installation(api, wanted), hosting: null, now };
    const { monitoringBoard } = await api.query(MonitoringBoardDocument, {});
    return { board: monitoringBoard, installations: [], property: null, hosting: null, now };
  }
  if (!viewer.sections.includes("MONITORING")) throw new Response("Forbidden", { status: 403 });
  // A hosted customer reads its own "Drift" here too: the backups are the monitoring's evidence.
  const [{ properties }, own] = await Promise.all([
    api.query(MonitoredPropertiesDocument, {}),
    viewer.organisation.kind === "CUSTOMER" ? api.query(OwnHostingDocument, {}) : null,
  ]);
  const hosting = own?.viewer?.organisation.hosting ?? null;
  const monitored = properties.edges.map((e) => e.node).filter((p) => p.monitoringChecks.length > 0);
  // One installation at a time: its 90 days of every check are what the page is for.
  const chosen = monitored.find((p) => p.id === wanted) ?? monitored[0];
  if (!chosen) return { board: null, installations: [], property: null, hosting, now };
  const installations = monitored.map((p) => ({ id: p.id, name: p.name, trouble: p.monitoringChecks.some(inTrouble) }));
  return { board: null, installations, property: await installation(api, chosen.id), hosting, now };
}

async function installation(api: Awaited<ReturnType<typeof apiFor>>["api"], id: string) {
  const { node } = await api.query(MonitoringPageDocument, { id });
  if (node?.__typename !== "Property") throw new Response("Not found", { status: 404 });
  return node;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await apiFor(request);
  return runMaintenanceIntent(api, await request.formData());
}

const inTrouble = (c: { state: string }) => c.state === "DOWN" || c.state === "LATE";

export default function MonitoringPage() {
  const t = useT();
  const { board, installations, property, hosting, now } = useLoaderData<typeof loader>();
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
        {/* What the installations do, only where some do: beside "Inget övervakas ännu" it was not true. */}
        {property || hosting ? <p className="muted">{t("monitoring.intro")}</p> : null}
      </div>
      {!property && !hosting ? (
        <EmptyState
          title={t("monitoring.empty")}
          hint={
            <>
              {t("monitoring.emptyHint")} <Link to="/agreements">{t("monitoring.emptyAction")}</Link>
            </>
          }
        />
      ) : null}
      {property ? (
        <>
          {installations.length > 1 ? (
            <nav aria-label={t("monitoring.installations")} className="monitoring-installations">
              <ul className="plain-list">
                {installations.map((p) => (
                  <li key={p.id}>
                    <Link
                      to={`?property=${encodeURIComponent(p.id)}`}
                      aria-current={p.id === property.id ? "page" : undefined}
                    >
                      {p.name}
                    </Link>
                    {p.trouble ? <span className="badge badge-revoked">{t("monitoring.trouble")}</span> : null}
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <section className="section" aria-labelledby="installation-title" data-testid="monitored-property">
            <h2 id="installation-title">
              {property.name} <span className="muted small">{property.city}</span>{" "}
              {property.inMaintenance ? <MaintenanceBadge /> : null}
            </h2>
            {property.monitoringChecks.map((check) => (
              <CheckCard key={check.id} check={check} />
            ))}
          </section>
          <MaintenanceSection
            propertyId={property.id}
            windows={property.maintenanceWindows}
            checks={property.monitoringChecks}
            canPlan={property.viewerCanPlanMaintenance}
            now={now}
          />
        </>
      ) : null}
      {hosting ? <HostingSection hosting={hosting} nowLocal={now} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
