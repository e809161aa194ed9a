import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRouteError, useSubmit } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { SuccessNotice } from "~/components/intent-form";
import {
  ActivateProposalDocument,
  DeclineProposalDocument,
  PartnerRegisterCustomerDocument,
  PartnerRegisterPropertyDocument,
  ProposalsAccessDocument,
  ProposalsDocument,
  ProposeAgreementDocument,
} from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { contactInput, field, required, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { todayInSweden } from "~/lib/dates";
import { TIER_CODES } from "~/lib/enums";
import { intentOf } from "~/lib/intent.server";
import { redirectToLogin } from "~/lib/session.server";
import { formError } from "~/lib/form-result";
import { ProposalList } from "./proposal-list";
import { NewCustomerForm, NewPropertyForm } from "./new-customer-forms";
import { ProposeForm } from "./propose-form";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "proposals.title") }];

const INTENTS = ["propose", "activateProposal", "declineProposal", "registerCustomer", "registerProperty"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const customerId = new URL(request.url).searchParams.get("customer") || undefined;
  const { api, session } = await apiFor(request);
  const access = await api.query(ProposalsAccessDocument, {});
  if (!access.viewer) return redirectToLogin(session);
  const sections = access.viewer.sections;
  if (!sections.includes("PROPOSALS")) throw new Response("Forbidden", { status: 403 });
  const proposing = sections.includes("PROPOSING");
  const data = await api.query(ProposalsDocument, {
    customerId,
    withChoices: proposing,
    withProperties: proposing && customerId !== undefined,
  });
  const customers = data.customers?.edges.map((e) => e.node) ?? [];
  return {
    proposing,
    deciding: sections.includes("PROPOSAL_DECIDING"),
    proposals: data.agreementProposals.edges.map((e) => e.node),
    customers,
    customer: customers.find((c) => c.id === customerId) ?? null,
    properties: data.properties?.edges.map((e) => e.node) ?? [],
    tiers: data.tiers,
    today: todayInSweden(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  const intent = intentOf(form, INTENTS);
  const target = field(form, "targetId") || undefined;
  const tier = TIER_CODES.find((code) => code === field(form, "tier"));
  switch (intent) {
    case "propose": {
      const errors = required(form, ["customerId", "tier", "wishedStartOn"]);
      const propertyIds = form.getAll("propertyIds").map(String);
      if (propertyIds.length === 0) errors.push(formError("propertyIds", "NO_PROPERTIES"));
      return runAdminForm(
        intent,
        form,
        errors,
        async () => {
          const input = {
            customerId: field(form, "customerId"),
            tier: tier ?? "BRF",
            propertyIds,
            wishedStartOn: field(form, "wishedStartOn"),
            message: field(form, "message") || null,
          };
          const payload = (await api.mutate(ProposeAgreementDocument, { input })).proposeAgreement;
          return { userErrors: payload.userErrors, subject: payload.proposal?.customer.name };
        },
        "wishedStartOn",
      );
    }
    case "registerCustomer":
      return runAdminForm(
        intent,
        form,
        required(form, ["name", "organisationNumber"]),
        async () => {
          const input = {
            kind: "CUSTOMER" as const,
            name: field(form, "name"),
            organisationNumber: field(form, "organisationNumber"),
            ...contactInput(form),
          };
          const payload = (await api.mutate(PartnerRegisterCustomerDocument, { input })).createOrganisation;
          return { userErrors: payload.userErrors, subject: payload.organisation?.name };
        },
        "organisationNumber",
      );
    case "registerProperty":
      return runAdminForm(
        intent,
        form,
        required(form, ["customerId", "name", "streetAddress", "postalCode", "city", "apartments"]),
        async () => {
          const input = {
            customerId: field(form, "customerId"),
            name: field(form, "name"),
            streetAddress: field(form, "streetAddress"),
            postalCode: field(form, "postalCode"),
            city: field(form, "city"),
            apartments: Number(field(form, "apartments")),
          };
          const payload = (await api.mutate(PartnerRegisterPropertyDocument, { input })).createProperty;
          return { userErrors: payload.userErrors, subject: payload.property?.name };
        },
        "apartments",
      );
    case "activateProposal":
      return runAdminForm(
        intent,
        form,
        required(form, ["startsOn", "endsOn"]),
        async () => {
          const input = {
            proposalId: target ?? "",
            startsOn: field(form, "startsOn"),
            endsOn: field(form, "endsOn"),
            tier: tier ?? null,
          };
          const payload = (await api.mutate(ActivateProposalDocument, { input })).activateProposal;
          return { userErrors: payload.userErrors, subject: payload.proposal?.agreement?.name };
        },
        "endsOn",
        target,
      );
    case "declineProposal":
      return runAdminForm(
        intent,
        form,
        required(form, ["reason"]),
        async () => {
          const input = { proposalId: target ?? "", reason: field(form, "reason") };
          const payload = (await api.mutate(DeclineProposalDocument, { input })).declineProposal;
          return { userErrors: payload.userErrors, subject: payload.proposal?.customer.name };
        },
        "reason",
        target,
      );
  }
}

export default function ProposalsPage() {
  const t = useT();
  const submit = useSubmit();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>{t("proposals.title")}</h1>
        <p className="muted">
          {data.proposing
            ? t("proposals.introPartner")
            : data.deciding
              ? t("proposals.introVendor")
              : t("proposals.introCustomer")}
        </p>
      </div>
      <SuccessNotice intents={INTENTS} />
      {data.proposing ? (
        <section className="card section-first" aria-labelledby="propose-title">
          <h2 id="propose-title">{t("proposals.propose")}</h2>
          {/* A GET, so the choice of customer loads its properties even without JavaScript. */}
          <Form method="get" className="inline-form" onChange={(event) => submit(event.currentTarget)}>
            <div className="field field-grow">
              <label htmlFor="customer">{t("field.customer")}</label>
              <select id="customer" name="customer" defaultValue={data.customer?.id ?? ""}>
                <option value="">{t("newAgreement.chooseCustomer")}</option>
                {data.customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.organisationNumber})
                  </option>
                ))}
              </select>
            </div>
            <noscript>
              <button type="submit" className="button button-secondary">
                {t("newAgreement.showProperties")}
              </button>
            </noscript>
          </Form>
          {/* A customer without properties the partner serves is one it has just registered: its first property. */}
          {data.customer && data.properties.length === 0 ? <NewPropertyForm customer={data.customer} /> : null}
          {data.customer ? (
            <ProposeForm customer={data.customer} properties={data.properties} tiers={data.tiers} today={data.today} />
          ) : null}
        </section>
      ) : null}
      {data.proposing ? <NewCustomerForm /> : null}
      <ProposalList proposals={data.proposals} deciding={data.deciding} tiers={data.tiers} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
