import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { DashboardDocument } from "~/graphql/graphql";
import { formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { redirectToLogin } from "~/lib/session.server";
import { partyOf } from "~/lib/tailoring";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "dashboard.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const data = await api.query(DashboardDocument, {});
  if (!data.viewer) return redirectToLogin(session);
  // Tailorings waiting on the viewer's side: the vendor's for sellers and admins, the customer's for its admins.
  const party = partyOf(data.viewer.user.role);
  const waitingCount = party === "VENDOR" ? data.waitingOnVendor.totalCount : party === "CUSTOMER" ? data.waitingOnCustomer.totalCount : undefined;
  return { viewer: data.viewer, propertyCount: data.properties.totalCount, organisationCount: data.organisations.totalCount, waitingCount };
}

export default function Dashboard() {
  const t = useT();
  const lang = useLang();
  const { viewer, propertyCount, organisationCount, waitingCount } = useLoaderData<typeof loader>();
  const { user, organisation } = viewer;
  const showOrganisationsLink = viewer.sections.includes("ORGANISATIONS");
  return (
    <>
      <div className="page-heading">
        <h1>{t("dashboard.welcome", { name: user.name })}</h1>
        <p className="muted">{t("dashboard.intro")}</p>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="you-title">
          <h2 id="you-title">{t("dashboard.you")}</h2>
          <dl className="facts">
            <dt>{t("field.name")}</dt>
            <dd>{user.name}</dd>
            <dt>{t("field.email")}</dt>
            <dd>{user.email}</dd>
            <dt>{t("field.role")}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="org-title">
          <h2 id="org-title">{t("dashboard.organisation")}</h2>
          <dl className="facts">
            <dt>{t("field.name")}</dt>
            <dd>{organisation.name}</dd>
            <dt>{t("field.kind")}</dt>
            <dd>{t(`kind.${organisation.kind}`)}</dd>
            <dt>{t("field.organisationNumber")}</dt>
            <dd className="tabular">{organisation.organisationNumber}</dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="counts-title" className="section">
        <h2 id="counts-title">{t("dashboard.counts")}</h2>
        <div className="stats">
          <div className="stat card">
            <p className="stat-value" data-testid="property-count">
              {formatNumber(lang, propertyCount)}
            </p>
            <p className="stat-label">{t("dashboard.propertiesVisible")}</p>
            <Link to="/properties">{t("dashboard.showProperties")} →</Link>
          </div>
          <div className="stat card">
            <p className="stat-value" data-testid="organisation-count">
              {formatNumber(lang, organisationCount)}
            </p>
            <p className="stat-label">{t("dashboard.organisationsVisible")}</p>
            {showOrganisationsLink ? <Link to="/organisations">{t("dashboard.showOrganisations")} →</Link> : null}
          </div>
          {waitingCount !== undefined ? (
            <div className="stat card">
              <p className="stat-value" data-testid="waiting-count">
                {formatNumber(lang, waitingCount)}
              </p>
              <p className="stat-label">{t("dashboard.waitingOnYou")}</p>
              <Link to="/worklist">{t("dashboard.showWorklist")} →</Link>
            </div>
          ) : null}
        </div>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
