import { TIER_CODES } from "~/lib/enums";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError, useSubmit } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, useFormResult } from "~/components/intent-form";
import { CreateAgreementDocument, NewAgreementChoicesDocument } from "~/graphql/graphql";
import { formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { formError, isBadRequest, refused, type FormError, type FormResult } from "~/lib/form-result";
import { addYear, isIsoDate, todayInSweden } from "~/lib/dates";
import { apiFor } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";
import { redirectToLogin } from "~/lib/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "newAgreement.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const customerId = url.searchParams.get("customer") || undefined;
  const { api, session } = await apiFor(request);
  const data = await api.query(NewAgreementChoicesDocument, { customerId, withProperties: customerId !== undefined });
  if (!data.viewer) return redirectToLogin(session);
  // Only those the API lets create agreements get the form; others are told so rather than shown one it refuses.
  if (!data.viewer.viewerCanCreateAgreements) throw new Response("Forbidden", { status: 403 });
  const customers = data.customers.edges.map((edge) => edge.node);
  const customer = customers.find((c) => c.id === customerId);
  return {
    customers,
    customer: customer ?? null,
    partners: data.partners.edges.map((edge) => edge.node),
    properties: customer ? (data.properties?.edges.map((edge) => edge.node) ?? []) : [],
    tiers: data.tiers,
    today: todayInSweden(),
  };
}

/** Creates the draft and opens it; the portal's own checks first, then the API's userErrors beside their fields. */
export async function action({ request }: ActionFunctionArgs): Promise<FormResult<"create">> {
  const form = await request.formData();
  const intent = intentOf(form, ["create"]);
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const values = {
    partnerId: text("partnerId"),
    tier: text("tier"),
    startsOn: text("startsOn"),
    endsOn: text("endsOn"),
    propertyIds: form.getAll("propertyIds").map(String),
  };
  const customerId = text("customerId");
  const tier = TIER_CODES.find((code) => code === values.tier);
  const errors: FormError[] = [];
  if (!customerId) errors.push(formError("customerId", "REQUIRED"));
  if (!tier) errors.push(formError("tier", "REQUIRED"));
  if (values.propertyIds.length === 0) errors.push(formError("propertyIds", "NO_PROPERTIES"));
  if (!isIsoDate(values.startsOn)) errors.push(formError("startsOn", values.startsOn ? "INVALID_DATE" : "REQUIRED"));
  if (!isIsoDate(values.endsOn)) errors.push(formError("endsOn", values.endsOn ? "INVALID_DATE" : "REQUIRED"));
  if (errors.length > 0 || !tier) return { intent, ok: false, errors, values };
  const { api } = await apiFor(request);
  try {
    const input = {
      customerId,
      partnerId: values.partnerId || undefined,
      tier,
      propertyIds: values.propertyIds,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
    };
    const { createAgreement } = await api.mutate(CreateAgreementDocument, { input });
    if (createAgreement.userErrors.length > 0 || !createAgreement.agreement)
      return refused(intent, createAgreement.userErrors, values);
    throw redirect(`/agreements/${encodeURIComponent(createAgreement.agreement.id)}`);
  } catch (error) {
    if (!isBadRequest(error)) throw error;
    return { intent, ok: false, errors: [formError(null, "BAD_USER_INPUT")], values };
  }
}

/** The inputs of the draft form; an error on anything else (the customer, the form as a whole) stands above it. */
const FIELDS = ["partnerId", "tier", "propertyIds", "startsOn", "endsOn"];

export default function NewAgreementPage() {
  const t = useT();
  const lang = useLang();
  const submit = useSubmit();
  const { customers, customer, partners, properties, tiers, today } = useLoaderData<typeof loader>();
  const result = useFormResult("create");
  const typedProperties = result?.values.propertyIds;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/agreements">← {t("agreement.backToList")}</Link>
      </p>
      <div className="page-heading">
        <h1>{t("newAgreement.title")}</h1>
        <p className="muted">{t("newAgreement.intro")}</p>
      </div>
      <section className="card section-first" aria-labelledby="customer-title">
        <h2 id="customer-title">{t("newAgreement.step1")}</h2>
        {/* A GET, so the choice of customer loads its properties even without JavaScript. */}
        <Form method="get" className="inline-form" onChange={(event) => submit(event.currentTarget)}>
          <div className="field field-grow">
            <label htmlFor="customer">{t("field.customer")}</label>
            <select id="customer" name="customer" defaultValue={customer?.id ?? ""}>
              <option value="">{t("newAgreement.chooseCustomer")}</option>
              {customers.map((c) => (
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
      </section>
      {customer ? (
        <section className="card section" aria-labelledby="details-title">
          <h2 id="details-title">{t("newAgreement.step2", { customer: customer.name })}</h2>
          <IntentForm
            intent="create"
            fields={FIELDS}
            hidden={{ customerId: customer.id }}
            className="stack"
            key={customer.id}
          >
            {(kit) => {
              const startsOn = kit.value("startsOn") || today;
              const propertyChoice = kit.props("propertyIds");
              return (
                <>
                  <fieldset
                    className="checks checks-column"
                    aria-invalid={propertyChoice["aria-invalid"]}
                    aria-describedby={propertyChoice["aria-describedby"]}
                  >
                    <legend>{t("newAgreement.properties")}</legend>
                    {properties.length === 0 ? <p className="muted">{t("newAgreement.noProperties")}</p> : null}
                    {properties.map((property) => (
                      <label key={property.id} className="check">
                        <input
                          type="checkbox"
                          name="propertyIds"
                          value={property.id}
                          defaultChecked={
                            kit.failed ? [typedProperties ?? []].flat().includes(property.id) : properties.length === 1
                          }
                        />
                        <span>
                          {property.name}{" "}
                          <span className="muted small">
                            · {property.streetAddress}, {property.city} ·{" "}
                            {t("agreement.apartments", { count: formatNumber(lang, property.apartments) })}
                          </span>
                        </span>
                      </label>
                    ))}
                  </fieldset>
                  {kit.error("propertyIds")}
                  <div className="inline-form">
                    <div className="field field-grow">
                      <label htmlFor={kit.props("partnerId").id}>{t("agreements.partner")}</label>
                      <select {...kit.props("partnerId")} defaultValue={kit.value("partnerId", "")}>
                        <option value="">{t("newAgreement.noPartner")}</option>
                        {partners.map((partner) => (
                          <option key={partner.id} value={partner.id}>
                            {partner.name}
                          </option>
                        ))}
                      </select>
                      {kit.error("partnerId")}
                    </div>
                    <div className="field">
                      <label htmlFor={kit.props("tier").id}>{t("agreements.tier")}</label>
                      <select {...kit.props("tier")} required defaultValue={kit.value("tier", "")}>
                        <option value="" disabled>
                          {t("newAgreement.chooseTier")}
                        </option>
                        {tiers.map((tier) => (
                          <option key={tier.code} value={tier.code}>
                            {tier.name} – {t("benefit.hanteraAccounts", { count: tier.includedHanteraAccounts })}
                          </option>
                        ))}
                      </select>
                      {kit.error("tier")}
                    </div>
                    <div className="field">
                      <label htmlFor={kit.props("startsOn").id}>{t("newAgreement.startsOn")}</label>
                      <input {...kit.props("startsOn")} type="date" required defaultValue={startsOn} />
                      {kit.error("startsOn")}
                    </div>
                    <div className="field">
                      <label htmlFor={kit.props("endsOn").id}>{t("newAgreement.endsOn")}</label>
                      <input
                        {...kit.props("endsOn")}
                        type="date"
                        required
                        defaultValue={kit.value("endsOn") || addYear(startsOn)}
                      />
                      {kit.error("endsOn")}
                    </div>
                  </div>
                  <p className="hint">{t("newAgreement.draftHint")}</p>
                  <div>
                    <IntentButton intent="create" busy={t("newAgreement.creating")}>
                      {t("newAgreement.create")}
                    </IntentButton>
                  </div>
                </>
              );
            }}
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
