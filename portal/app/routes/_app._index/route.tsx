import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { CustomerDashboardDocument, PartnerDashboardDocument, VendorDashboardDocument } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { viewerOf } from "~/lib/viewer.server";
import { todayInSweden } from "~/lib/dates";
import { redirectToLogin } from "~/lib/session.server";
import { CustomerDashboard } from "./customer-dashboard";
import { PartnerDashboard } from "./partner-dashboard";
import { isoDatePlus } from "./tiles";
import { VendorDashboard } from "./vendor-dashboard";
import {
  AGREEMENT_MANAGERS,
  CUSTOMER_ROLES,
  ORGANISATION_DEACTIVATORS,
  PARTNER_ROLES,
  VENDOR_CASE_HANDLERS,
  VISIT_TIME_ANSWERERS,
  isOneOf,
} from "@trygg/roles";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "dashboard.title") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  const role = viewer.user.role;
  // Each role asks the API one question, with only what that role's dashboard shows.
  if (isOneOf(role, CUSTOMER_ROLES)) {
    const now = new Date().toISOString();
    return { kind: "customer" as const, viewer, now, data: await api.query(CustomerDashboardDocument, { now }) };
  }
  if (isOneOf(role, PARTNER_ROLES)) {
    return { kind: "partner" as const, viewer, data: await api.query(PartnerDashboardDocument, {}) };
  }
  const today = todayInSweden();
  // `endingBefore` excludes its day: "within 30 days" is before day 31.
  const windows = { in30: isoDatePlus(today, 31), in60: isoDatePlus(today, 61), in90: isoDatePlus(today, 91) };
  const sales = isOneOf(role, AGREEMENT_MANAGERS);
  const support = isOneOf(role, VENDOR_CASE_HANDLERS);
  // The outbox is asked for only by those whose sections include it: the API refuses everyone else.
  const admin = viewer.sections.includes("EMAIL_OUTBOX");
  const lockouts = viewer.sections.includes("LOGIN_LOCKOUTS");
  // Only vendor admins deactivate organisations (decision 0085), so only they are shown the ones deactivated.
  const deactivations = isOneOf(role, ORGANISATION_DEACTIVATORS);
  return {
    kind: "vendor" as const,
    viewer,
    windows,
    data: await api.query(VendorDashboardDocument, { ...windows, sales, support, admin, lockouts, deactivations }),
  };
}

export default function Dashboard() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { viewer } = loaded;
  return (
    <div className="dashboard">
      <div className="page-heading dash-heading">
        <h1>{t("dashboard.welcome", { name: viewer.user.name })}</h1>
        <p className="muted">
          {viewer.organisation.name} · {t(`role.${viewer.user.role}`)}
        </p>
      </div>
      {loaded.kind === "customer" ? (
        <CustomerDashboard
          data={loaded.data}
          now={loaded.now}
          sections={viewer.sections}
          mayAnswerVisitTimes={isOneOf(viewer.user.role, VISIT_TIME_ANSWERERS)}
        />
      ) : null}
      {loaded.kind === "partner" ? <PartnerDashboard data={loaded.data} sections={viewer.sections} /> : null}
      {loaded.kind === "vendor" ? (
        <VendorDashboard
          data={loaded.data}
          windows={loaded.windows}
          sections={viewer.sections}
          role={viewer.user.role}
        />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
