import { SelectField } from "~/components/admin-fields";
import { PropertyAddressFields } from "~/components/record-fields";
import { IntentButton, IntentForm, useFormResult } from "~/components/intent-form";
import { useT } from "~/i18n/use-t";

const FIELDS = ["name", "streetAddress", "postalCode", "city", "apartments", "installerId"] as const;

interface Props {
  property: {
    version: number;
    name: string;
    streetAddress: string;
    postalCode: string;
    city: string;
    apartments: number;
    installer?: { id: string; name: string } | null;
  };
  partners: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * "Ändra": the property's record corrected in place. It carries the version the page was read at, so a correction
 * made meanwhile by someone else is refused with a reload instead of being overwritten.
 */
export function CorrectPropertyForm({ property, partners }: Props) {
  const t = useT();
  const answer = useFormResult("updateProperty");
  const installerId = property.installer?.id ?? "";
  return (
    // Open again after a refusal, so the errors beside the fields are seen.
    <details className="card correct-record" open={answer && !answer.ok ? true : undefined}>
      <summary>{t("correct.summary")}</summary>
      <IntentForm
        intent="updateProperty"
        fields={FIELDS}
        hidden={{ expectedVersion: String(property.version), installerWas: installerId }}
        aria-label={t("correct.property")}
        className="stack"
      >
        {(kit) => (
          <>
            <PropertyAddressFields kit={kit} initial={property} apartmentsHint="correct.apartmentsHint" />
            <SelectField
              kit={kit}
              name="installerId"
              label="admin.property.installer"
              empty={t("admin.property.noInstaller")}
              options={partners.map((p) => ({ value: p.id, label: p.name }))}
              initial={installerId}
            />
            <IntentButton intent="updateProperty" busy={t("admin.saving")}>
              {t("correct.save")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </details>
  );
}
