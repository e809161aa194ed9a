import { TextField } from "~/components/admin-fields";
import { IntentButton, IntentForm } from "~/components/intent-form";
import { useT } from "~/i18n/use-t";

/** The partner admin's proposal for one of its customers: properties, tier, wished start and a note. */
export function ProposeForm({
  customer,
  properties,
  tiers,
  today,
}: {
  customer: { id: string; name: string };
  properties: ReadonlyArray<{ id: string; name: string; streetAddress: string; city: string }>;
  tiers: ReadonlyArray<{ code: string; name: string }>;
  today: string;
}) {
  const t = useT();
  return (
    <IntentForm
      intent="propose"
      fields={["propertyIds", "tier", "wishedStartOn", "message"]}
      hidden={{ customerId: customer.id }}
      className="stack"
      key={customer.id}
    >
      {(kit) => {
        const choice = kit.props("propertyIds");
        const typed = (kit.value("propertyIds") ?? "").split(",");
        return (
          <>
            <fieldset
              className="checks checks-column"
              aria-invalid={choice["aria-invalid"]}
              aria-describedby={choice["aria-describedby"]}
            >
              <legend>{t("proposals.properties", { customer: customer.name })}</legend>
              {properties.length === 0 ? <p className="muted">{t("newAgreement.noProperties")}</p> : null}
              {properties.map((property) => (
                <label key={property.id} className="check">
                  <input
                    type="checkbox"
                    name="propertyIds"
                    value={property.id}
                    defaultChecked={kit.failed ? typed.includes(property.id) : properties.length === 1}
                  />
                  <span>
                    {property.name}{" "}
                    <span className="muted small">
                      · {property.streetAddress}, {property.city}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            {kit.error("propertyIds")}
            <div className="inline-form">
              <div className="field">
                <label htmlFor={kit.props("tier").id}>{t("agreements.tier")}</label>
                <select {...kit.props("tier")} required defaultValue={kit.value("tier", "")}>
                  <option value="" disabled>
                    {t("newAgreement.chooseTier")}
                  </option>
                  {tiers.map((tier) => (
                    <option key={tier.code} value={tier.code}>
                      {tier.name}
                    </option>
                  ))}
                </select>
                {kit.error("tier")}
              </div>
              <TextField
                kit={kit}
                name="wishedStartOn"
                label="proposals.wishedStartOn"
                type="date"
                initial={today}
                required
              />
            </div>
            <div className="field">
              <label htmlFor={kit.props("message").id}>{t("proposals.message")}</label>
              <textarea {...kit.props("message")} rows={3} maxLength={2000} defaultValue={kit.value("message", "")} />
              {kit.error("message")}
            </div>
            <div>
              <IntentButton intent="propose" busy={t("admin.saving")}>
                {t("proposals.send")}
              </IntentButton>
            </div>
          </>
        );
      }}
    </IntentForm>
  );
}
