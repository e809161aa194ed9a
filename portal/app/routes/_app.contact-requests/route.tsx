import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { SuccessNotice } from "~/components/intent-form";
import { EmptyState } from "~/components/list-controls";
import { ViewSelect, viewFrom } from "~/components/view-select";
import {
  ContactRequestsAccessDocument,
  ContactRequestsDocument,
  LinkContactRequestDocument,
  RegisterCustomerFromContactRequestDocument,
} from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { field, required, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { SUPPORT_CASE_CATEGORIES } from "~/lib/enums";
import { intentOf } from "~/lib/intent.server";
import { redirectToLogin } from "~/lib/session.server";
import { ContactRequestCard } from "./contact-request-card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "contactRequests.title") }];

const INTENTS = ["linkContactRequest", "registerCustomerFromContactRequest"] as const;
const VIEWS = ["waiting", "linked"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const view = viewFrom(new URL(request.url), VIEWS);
  const linked = view === "linked";
  const { api, session } = await apiFor(request);
  const access = await api.query(ContactRequestsAccessDocument, {});
  if (!access.viewer) return redirectToLogin(session);
  const sections = access.viewer.sections;
  if (!sections.includes("CONTACT_REQUESTS")) throw new Response("Forbidden", { status: 403 });
  const data = await api.query(ContactRequestsDocument, { linked });
  return {
    view,
    linked,
    requests: data.contactRequests.edges.map((e) => e.node),
    organisations: data.organisations.edges.map((e) => e.node).filter((o) => o.kind !== "VENDOR"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  const intent = intentOf(form, INTENTS);
  const id = field(form, "targetId");
  switch (intent) {
    case "linkContactRequest":
      return runAdminForm(
        intent,
        form,
        required(form, ["organisationId"]),
        async () => {
          const chosen = SUPPORT_CASE_CATEGORIES.find((c) => c === field(form, "category"));
          const input = { id, organisationId: field(form, "organisationId"), category: chosen ?? null };
          const payload = (await api.mutate(LinkContactRequestDocument, { input })).linkContactRequest;
          return { userErrors: payload.userErrors, subject: payload.contactRequest?.organisation?.name };
        },
        "organisationId",
        id,
      );
    case "registerCustomerFromContactRequest":
      return runAdminForm(
        intent,
        form,
        required(form, ["name", "organisationNumber"]),
        async () => {
          const input = { id, name: field(form, "name"), organisationNumber: field(form, "organisationNumber") };
          const payload = (await api.mutate(RegisterCustomerFromContactRequestDocument, { input }))
            .registerCustomerFromContactRequest;
          return { userErrors: payload.userErrors, subject: payload.contactRequest?.organisation?.name };
        },
        "organisationNumber",
        id,
      );
  }
}

export default function ContactRequestsPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>{t("contactRequests.title")}</h1>
        <p className="muted">{t("contactRequests.intro")}</p>
      </div>
      <ViewSelect
        id="contact-view"
        views={VIEWS}
        current={data.view}
        label="contactRequests.views"
        viewLabel={(v) => `contactRequests.view.${v}`}
      />
      <SuccessNotice intents={INTENTS} />
      {data.requests.length === 0 ? (
        <EmptyState title={t(data.linked ? "contactRequests.emptyLinked" : "contactRequests.empty")} />
      ) : (
        <ul className="plain-list stack section-first contact-request-list" data-testid="contact-requests">
          {data.requests.map((r) => (
            <ContactRequestCard key={r.id} request={r} organisations={data.organisations} />
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
