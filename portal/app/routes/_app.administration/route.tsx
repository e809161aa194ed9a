import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Fragment } from "react";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { SelectField, TextField } from "~/components/admin-fields";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import {
  CONTACT_FIELDS,
  OrganisationContactFields,
  OrganisationIdentityFields,
  PropertyAddressFields,
} from "~/components/record-fields";
import {
  AdminAccessDocument,
  AdminCreateOrganisationDocument,
  AdminCreatePropertyDocument,
  AdminOnboardingDocument,
  AdminPublishReleaseDocument,
  type OrganisationKind,
  type Section,
} from "~/graphql/graphql";
import type { MessageKey } from "~/i18n/i18n";
import { ORGANISATION_KINDS, PRODUCTS } from "~/lib/enums";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { contactInput, field, required, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.title") }];

const INTENTS = ["createOrganisation", "createProperty", "publishRelease"] as const;

/** The other staff pages, each offered to those whose section it is. */
const ADMIN_LINKS = [
  { section: "USERS", to: "/admin/users", label: "admin.users.title" },
  { section: "AUDIT", to: "/admin/audit", label: "admin.audit.title" },
  { section: "EMAIL_OUTBOX", to: "/admin/outbox", label: "outbox.title" },
] as const satisfies ReadonlyArray<{ section: Section; to: string; label: MessageKey }>;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  // Onboarding is the vendor admins' and sellers' (Viewer.sections); anyone else gets the 403 page, not half a form.
  // A seller registers customers and their properties; the sections say what else the page may offer.
  const { viewer } = await api.query(AdminAccessDocument, {});
  const sections = viewer?.sections ?? [];
  if (!sections.includes("ADMINISTRATION")) throw new Response("Forbidden", { status: 403 });
  const data = await api.query(AdminOnboardingDocument, {});
  return {
    customers: data.customers.edges.map((e) => e.node),
    partners: data.partners.edges.map((e) => e.node),
    anyKind: sections.includes("REGISTERING_ANY_ORGANISATION"),
    publishing: sections.includes("RELEASE_PUBLISHING"),
    links: ADMIN_LINKS.filter((link) => sections.includes(link.section)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  const intent = intentOf(form, INTENTS);
  switch (intent) {
    case "createOrganisation": {
      const kind = (ORGANISATION_KINDS.find((k) => k === field(form, "kind")) ?? "CUSTOMER") as OrganisationKind;
      let created: string | null = null;
      const result = await runAdminForm(intent, form, required(form, ["name", "organisationNumber"]), async () => {
        const payload = (
          await api.mutate(AdminCreateOrganisationDocument, {
            input: {
              kind,
              name: field(form, "name"),
              organisationNumber: field(form, "organisationNumber"),
              ...contactInput(form),
            },
          })
        ).createOrganisation;
        created = payload.organisation?.id ?? null;
        return { userErrors: payload.userErrors, subject: payload.organisation?.name };
      });
      // A new customer's next step is its people: its page is where they are invited (decision 0112).
      return { ...result, createdCustomer: kind === "CUSTOMER" ? created : null };
    }
    case "createProperty": {
      const errors = required(form, ["customerId", "name", "streetAddress", "postalCode", "city", "apartments"]);
      const apartments = Number(field(form, "apartments"));
      return runAdminForm(
        intent,
        form,
        errors,
        async () => {
          const input = {
            customerId: field(form, "customerId"),
            installerId: field(form, "installerId") || null,
            name: field(form, "name"),
            streetAddress: field(form, "streetAddress"),
            postalCode: field(form, "postalCode"),
            city: field(form, "city"),
            apartments,
          };
          const payload = (await api.mutate(AdminCreatePropertyDocument, { input })).createProperty;
          return { userErrors: payload.userErrors, subject: payload.property?.name };
        },
        "apartments",
      );
    }
    case "publishRelease": {
      const product = PRODUCTS.find((p) => p === field(form, "product")) ?? "MULTI_ACCESS";
      return runAdminForm(
        intent,
        form,
        required(form, ["version", "releasedOn"]),
        async () => {
          const input = {
            product,
            version: field(form, "version"),
            releasedOn: field(form, "releasedOn"),
            notes: field(form, "notes") || null,
          };
          const payload = (await api.mutate(AdminPublishReleaseDocument, { input })).publishProductRelease;
          return { userErrors: payload.userErrors, subject: payload.productRelease?.version };
        },
        "releasedOn",
      );
    }
  }
}

export default function AdminPage() {
  const t = useT();
  const { customers, partners, anyKind, publishing, links } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const createdCustomer = answer && "createdCustomer" in answer ? answer.createdCustomer : null;
  const orgOptions = (list: ReadonlyArray<{ id: string; name: string }>) =>
    list.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <div className="page-heading">
        <h1>{t("admin.title")}</h1>
        <p className="muted">{anyKind ? t("admin.intro") : t("admin.introSeller")}</p>
        {links.length > 0 ? (
          <p>
            {links.map((link, i) => (
              <Fragment key={link.to}>
                {i > 0 ? " · " : null}
                <Link to={link.to}>{t(link.label)}</Link>
              </Fragment>
            ))}
          </p>
        ) : null}
      </div>
      <SuccessNotice intents={INTENTS} />
      {createdCustomer ? (
        <p>
          <Link to={`/organisations/${encodeURIComponent(createdCustomer)}`} data-testid="invite-new-customer-users">
            {t("admin.org.inviteUsersNext")} →
          </Link>
        </p>
      ) : null}

      <section className="card section" aria-labelledby="org-title">
        <h2 id="org-title">{t("admin.org.heading")}</h2>
        <IntentForm
          intent="createOrganisation"
          fields={["kind", "name", "organisationNumber", ...CONTACT_FIELDS]}
          className="stack"
        >
          {(kit) => (
            <>
              {anyKind ? (
                <SelectField
                  kit={kit}
                  name="kind"
                  label="admin.org.kind"
                  options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))}
                />
              ) : (
                <p className="hint">{t("admin.org.customersOnly")}</p>
              )}
              <OrganisationIdentityFields kit={kit} />
              <OrganisationContactFields kit={kit} />
              <IntentButton intent="createOrganisation" busy={t("admin.saving")}>
                {t("admin.org.create")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </section>

      <section className="card section" aria-labelledby="property-title">
        <h2 id="property-title">{t("admin.property.heading")}</h2>
        <IntentForm
          intent="createProperty"
          fields={["customerId", "installerId", "name", "streetAddress", "postalCode", "city", "apartments"]}
          className="stack"
        >
          {(kit) => (
            <>
              <SelectField
                kit={kit}
                name="customerId"
                label="admin.property.customer"
                options={orgOptions(customers)}
                empty={t("admin.choose")}
              />
              <SelectField
                kit={kit}
                name="installerId"
                label="admin.property.installer"
                options={orgOptions(partners)}
                empty={t("admin.property.noInstaller")}
              />
              <PropertyAddressFields kit={kit} />
              <IntentButton intent="createProperty" busy={t("admin.saving")}>
                {t("admin.property.create")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </section>

      {publishing ? (
        <section className="card section" aria-labelledby="release-title">
          <h2 id="release-title">{t("admin.release.heading")}</h2>
          <IntentForm intent="publishRelease" fields={["product", "version", "releasedOn", "notes"]} className="stack">
            {(kit) => (
              <>
                <SelectField
                  kit={kit}
                  name="product"
                  label="admin.release.product"
                  options={PRODUCTS.map((p) => ({ value: p, label: t(`admin.product.${p}`) }))}
                />
                <TextField
                  kit={kit}
                  name="version"
                  label="admin.release.version"
                  hint="admin.release.versionHint"
                  required
                />
                <TextField kit={kit} name="releasedOn" label="admin.release.releasedOn" type="date" required />
                <TextField kit={kit} name="notes" label="admin.release.notes" />
                <IntentButton intent="publishRelease" busy={t("admin.saving")}>
                  {t("admin.release.publish")}
                </IntentButton>
              </>
            )}
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
