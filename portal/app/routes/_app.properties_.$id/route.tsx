import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { SuccessNotice } from "~/components/intent-form";
import { PropertyInstallerChoicesDocument, PropertyMonitoringDocument, PropertyPageDocument } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { runCorrectProperty } from "./correct-action.server";
import { CorrectPropertyForm } from "./correct-form";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const title = pageTitle(matches, "properties.title");
  return [{ title: data ? `${data.property.name} · ${title}` : title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const { node } = await api.query(PropertyPageDocument, { id: params.id ?? "" });
  // Another tenant's property, or an id of something else, answers exactly like a missing one.
  if (node?.__typename !== "Property") throw new Response("Not found", { status: 404 });
  // Support reaches a monitored installation's maintenance from here too, not only from a board row
  // (an empty board when every check is up leads nowhere). Only planners are offered it.
  const monitoring = node.viewerCanPlanMaintenance
    ? await api.query(PropertyMonitoringDocument, { id: node.id })
    : null;
  const monitored = monitoring?.node?.__typename === "Property" && monitoring.node.monitoringChecks.length > 0;
  // Only those who may correct the record are asked for the partners to choose the installer from.
  const partners = node.viewerCanCorrect
    ? (await api.query(PropertyInstallerChoicesDocument, {})).organisations.edges.map((e) => e.node)
    : [];
  return { property: node, canPlanMaintenance: monitored, partners };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  return runCorrectProperty(api, params.id ?? "", form);
}

/**
 * One property: its address, owner, installer and the program versions on it; for those who may
 * correct the record, "Ändra"; for those who may plan maintenance of a monitored installation, the
 * way to its maintenance form.
 */
export default function PropertyPage() {
  const t = useT();
  const lang = useLang();
  const { property, canPlanMaintenance, partners } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/properties">← {t("layout.backToProperties")}</Link>
      </p>
      <div className="page-heading">
        <h1>{property.name}</h1>
        <p className="muted">
          {property.streetAddress}, {property.postalCode} {property.city}
        </p>
      </div>
      <SuccessNotice intents={["updateProperty"]} />
      <div className="card">
        <dl className="facts">
          <dt>{t("field.customer")}</dt>
          <dd>
            <Link to={`/organisations/${encodeURIComponent(property.customer.id)}`}>{property.customer.name}</Link>
          </dd>
          <dt>{t("layout.installer")}</dt>
          <dd>
            {property.installer ? (
              <Link to={`/organisations/${encodeURIComponent(property.installer.id)}`}>{property.installer.name}</Link>
            ) : (
              <span className="muted">–</span>
            )}
          </dd>
          <dt>{t("layout.apartments")}</dt>
          <dd className="tabular">{property.apartments}</dd>
          <dt>{t("field.registered")}</dt>
          <dd>{formatDate(lang, property.createdAt)}</dd>
        </dl>
        {canPlanMaintenance ? (
          <p>
            <Link to={`/monitoring?property=${encodeURIComponent(property.id)}#maintenance-title`}>
              {t("maintenance.plan")}
            </Link>
          </p>
        ) : null}
      </div>
      {property.viewerCanCorrect ? <CorrectPropertyForm property={property} partners={partners} /> : null}
      {property.installedVersions.length > 0 ? (
        <section className="section" aria-labelledby="versions-title">
          <h2 id="versions-title">{t("layout.installedVersions")}</h2>
          <ul className="card plain-list">
            {property.installedVersions.map((installed) => (
              <li key={installed.product}>
                {installed.product} {installed.version}{" "}
                {installed.outdated ? (
                  <span className="muted">({t("layout.latestIs", { version: installed.latestVersion ?? "" })})</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
