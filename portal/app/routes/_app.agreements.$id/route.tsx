import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { AgreementStatusBadge, DaysLeft } from "~/components/agreement-status";
import { ErrorPanel } from "~/components/error-panel";
import { AgreementCoverageChoicesDocument, AgreementPageDocument } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { todayInSweden } from "~/lib/dates";
import { apiFor } from "~/lib/api.server";
import { redirectToLogin } from "~/lib/session.server";
import { runIntent } from "./action.server";
import { SuccessNotice } from "~/components/intent-form";
import { AddOnSection } from "./add-on-section";
import { AutoRenewalSection } from "./auto-renewal-section";
import { HanteraSection } from "./hantera-section";
import { CoverageSection } from "./coverage-section";
import { InPageNav } from "./in-page-nav";
import { LicenceSection } from "./licence-section";
import { ManageSection } from "./manage-section";
import { PartiesCard } from "./parties-card";
import { PeriodsTimeline } from "./periods-timeline";
import { RenewalRequestSection } from "./renewal-request-section";
import { StatusBanner } from "./status-banner";
import { TierCard } from "./tier-card";
import { VersionsSection } from "./versions-section";
import { VisitsSection } from "./visits-section";
import { VISIT_TIME_ANSWERERS, isOneOf } from "@trygg/roles";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const title = pageTitle(matches, "agreement.title");
  return [{ title: data ? `${data.agreement.number} · ${title}` : title }];
};

/** Another tenant's agreement answers exactly like a missing one: 404. */
function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const data = await api.query(AgreementPageDocument, { id: params.id ?? "" });
  if (!data.viewer) return redirectToLogin(session);
  if (!data.agreement) return notFound();
  const { agreement } = data;
  // What the correction forms choose from, asked only of those who may correct.
  const choices =
    agreement.viewerCanChangeCoverage || agreement.viewerCanChangeParties
      ? await api.query(AgreementCoverageChoicesDocument, { customerId: agreement.customer.id })
      : null;
  const mayBookVisits = data.viewer.sections.includes("VISIT_BOOKING");
  const visitOffers = {
    proposals: data.visitTimeProposals.filter((p) => p.agreement.id === agreement.id),
    mayAnswer: isOneOf(data.viewer.user.role, VISIT_TIME_ANSWERERS),
    now: new Date().toISOString(),
  };
  return { agreement, priceList: data.priceList, today: todayInSweden(), choices, mayBookVisits, visitOffers };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  return runIntent(api, params.id ?? "", form);
}

export default function AgreementPage() {
  const t = useT();
  const lang = useLang();
  const { agreement, today, priceList, choices, mayBookVisits, visitOffers } = useLoaderData<typeof loader>();
  const props = { agreement, today, priceList };
  return (
    <>
      <p className="breadcrumb">
        <Link to="/agreements">← {t("agreement.backToList")}</Link>
      </p>
      <div className="page-heading agreement-heading" id="overview">
        <div>
          <h1>
            {t("agreement.heading", { number: agreement.number })} <AgreementStatusBadge status={agreement.status} />
          </h1>
          <p className="muted">
            {agreement.customer.name} · {agreement.tier.name} · {formatDate(lang, agreement.startsOn)} –{" "}
            {formatDate(lang, agreement.terminatedOn ?? agreement.endsOn)} · <DaysLeft days={agreement.daysLeft} />
          </p>
        </div>
      </div>
      <InPageNav />
      {/* Up here, where the status it changed is shown: the form may have been in a banner that is now gone. */}
      <SuccessNotice intents={["activate", "renew", "terminate"]} />
      <StatusBanner {...props} />
      <RenewalRequestSection agreement={agreement} />
      <AutoRenewalSection agreement={agreement} />
      <div className="grid-2">
        <PartiesCard agreement={agreement} />
        <TierCard agreement={agreement} />
      </div>
      <HanteraSection {...props} />
      <LicenceSection {...props} />
      <AddOnSection {...props} />
      <VersionsSection agreement={agreement} />
      <VisitsSection agreement={agreement} mayPropose={mayBookVisits} offers={visitOffers} />
      <CoverageSection agreement={agreement} choices={choices} />
      <ManageSection {...props} />
      <p className="section" id="tailoring">
        <Link to={`/agreements/${agreement.id}/tailoring`} className="button button-secondary">
          {t("tailoring.linkFromAgreement")} →
        </Link>
      </p>
      <PeriodsTimeline agreement={agreement} today={today} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
