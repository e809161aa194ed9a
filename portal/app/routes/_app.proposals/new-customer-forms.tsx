import { IntentButton, IntentForm } from "~/components/intent-form";
import {
  CONTACT_FIELDS,
  OrganisationContactFields,
  OrganisationIdentityFields,
  PropertyAddressFields,
} from "~/components/record-fields";
import { useT } from "~/i18n/use-t";

/** A partner admin registers a customer Trygg does not have yet; it is then the partner's (decision 0082). */
export function NewCustomerForm() {
  const t = useT();
  return (
    <section className="card section" aria-labelledby="new-customer-title">
      <h2 id="new-customer-title">{t("proposals.newCustomer")}</h2>
      <p className="muted">{t("proposals.newCustomerIntro")}</p>
      <IntentForm
        intent="registerCustomer"
        fields={["name", "organisationNumber", ...CONTACT_FIELDS]}
        className="stack"
      >
        {(kit) => (
          <>
            <OrganisationIdentityFields kit={kit} />
            <OrganisationContactFields kit={kit} />
            <IntentButton intent="registerCustomer" busy={t("admin.saving")}>
              {t("proposals.registerCustomer")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </section>
  );
}

/** The partner's new customer's first property, which the partner installs; shown while the customer has none. */
export function NewPropertyForm({ customer }: { customer: { id: string; name: string } }) {
  const t = useT();
  return (
    <IntentForm
      intent="registerProperty"
      fields={["name", "streetAddress", "postalCode", "city", "apartments"]}
      hidden={{ customerId: customer.id }}
      className="stack"
      aria-label={t("proposals.newPropertyLabel", { customer: customer.name })}
      key={customer.id}
    >
      {(kit) => (
        <>
          <h3>{t("proposals.newProperty", { customer: customer.name })}</h3>
          <PropertyAddressFields kit={kit} />
          <IntentButton intent="registerProperty" busy={t("admin.saving")}>
            {t("proposals.registerProperty")}
          </IntentButton>
        </>
      )}
    </IntentForm>
  );
}
