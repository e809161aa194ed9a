import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { HostingSection } from "~/components/hosting-section";
import { SuccessNotice } from "~/components/intent-form";
import { AdminInvitationsDocument, OrganisationPageDocument } from "~/graphql/graphql";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { swedishWallClock } from "~/lib/dates";
import { runHostingIntent } from "~/lib/hosting-action.server";
import { runCorrectOrganisation } from "./correct-action.server";
import { CorrectOrganisationForm } from "./correct-form";
import { deactivationOf } from "./deactivation-loader.server";
import { runDeactivateOrganisation } from "./deactivate-action.server";
import { DeactivateSection } from "./deactivate-section";
import { runReactivateOrganisation } from "./reactivate-action.server";
import { ReactivateSection } from "./reactivate-section";
import { runInvitationIntent } from "./invite-action.server";
import { INVITATION_INTENTS, InviteCustomerUsersSection } from "./invite-section";
import { ORGANISATION_REACTIVATORS, isOneOf } from "@trygg/roles";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const title = pageTitle(matches, "organisations.title");
  return [{ title: data ? `${data.organisation.name} · ${title}` : title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const { node, viewer } = await api.query(OrganisationPageDocument, { id: params.id ?? "" });
  // Another tenant's organisation, or an id of something else, answers exactly like a missing one.
  if (node?.__typename !== "Organisation") throw new Response("Not found", { status: 404 });
  const deactivation = await deactivationOf(api, node, viewer?.user.role, new URL(request.url).searchParams);
  const reactivatable = isOneOf(viewer?.user.role, ORGANISATION_REACTIVATORS) && !!node.deactivatedAt;
  // A seller invites a customer's people here (decision 0112); whoever administers its users has the users page.
  const invitations = invitesHere(node)
    ? (await api.query(AdminInvitationsDocument, { organisationId: node.id })).invitations.edges.map((e) => e.node)
    : null;
  return {
    organisation: node,
    nowLocal: swedishWallClock(new Date()),
    deactivation,
    reactivatable,
    invitations,
    // The loader's instant, so that server and browser agree which invitations have expired.
    now: new Date().toISOString(),
  };
}

function invitesHere(organisation: { kind: string; viewerCanInviteUsers: boolean; viewerCanAdministerUsers: boolean }) {
  return (
    organisation.kind === "CUSTOMER" && organisation.viewerCanInviteUsers && !organisation.viewerCanAdministerUsers
  );
}

/**
 * "Ändra" corrects the record; a seller invites the customer's people; the hosting section's forms: vendor staff
 * record a restore test or a service update for this customer.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  if (form.get("intent") === "updateOrganisation") return runCorrectOrganisation(api, params.id ?? "", form);
  if (form.get("intent") === "deactivateOrganisation") return runDeactivateOrganisation(api, params.id ?? "", form);
  if (form.get("intent") === "reactivateOrganisation") return runReactivateOrganisation(api, params.id ?? "", form);
  const invitation = INVITATION_INTENTS.find((i) => i === form.get("intent"));
  if (invitation) return runInvitationIntent(api, params.id ?? "", invitation, form);
  return runHostingIntent(api, params.id ?? "", form);
}

/** One organisation: where a search result or a row in the list leads; a hosted customer with its "Drift". */
export default function OrganisationPage() {
  const t = useT();
  const lang = useLang();
  const { organisation, nowLocal, deactivation, reactivatable, invitations, now } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/organisations">← {t("layout.backToOrganisations")}</Link>
      </p>
      <div className="page-heading">
        <h1>{organisation.name}</h1>
        <p>
          <span className={`badge badge-${organisation.kind.toLowerCase()}`}>{t(`kind.${organisation.kind}`)}</span>
          {organisation.deactivatedAt ? (
            <>
              {" "}
              <span className="badge" data-testid="deactivated-badge">
                {t("deactivate.badge", { date: formatDate(lang, organisation.deactivatedAt) })}
              </span>
            </>
          ) : null}
        </p>
      </div>
      <SuccessNotice
        intents={["updateOrganisation", "deactivateOrganisation", "reactivateOrganisation", ...INVITATION_INTENTS]}
      />
      <div className="card">
        <dl className="facts">
          <dt>{t("field.organisationNumber")}</dt>
          <dd className="tabular">{organisation.organisationNumber}</dd>
          <dt>{t("field.registered")}</dt>
          <dd>{formatDate(lang, organisation.createdAt)}</dd>
          {organisation.annualMeetingMonth ? (
            <>
              <dt>{t("admin.org.annualMeetingMonth")}</dt>
              <dd>{t(`month.${organisation.annualMeetingMonth}` as MessageKey)}</dd>
            </>
          ) : null}
          {organisation.contact ? (
            <>
              <dt>{t("organisation.contact")}</dt>
              <dd data-testid="organisation-contact">
                {[organisation.contact.name, organisation.contact.email, organisation.contact.phone]
                  .filter(Boolean)
                  .join(" · ")}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      {organisation.viewerCanAdministerUsers && organisation.kind === "CUSTOMER" ? (
        // A partner admin keeps the users of a customer it registered (decision 0104); the API says where.
        <p>
          <Link to={`/admin/users?organisation=${encodeURIComponent(organisation.id)}`} data-testid="manage-users">
            {t("organisation.manageUsers")} →
          </Link>
        </p>
      ) : null}
      {invitations ? (
        <InviteCustomerUsersSection organisation={organisation} invitations={invitations} now={now} />
      ) : null}
      {organisation.viewerCanCorrect ? <CorrectOrganisationForm organisation={organisation} /> : null}
      {deactivation ? <DeactivateSection organisation={organisation} {...deactivation} /> : null}
      {reactivatable ? <ReactivateSection organisation={organisation} /> : null}
      {organisation.hosting ? <HostingSection hosting={organisation.hosting} nowLocal={nowLocal} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
