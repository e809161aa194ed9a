import { SelectField } from "~/components/admin-fields";
import { CONTACT_FIELDS, OrganisationContactFields, OrganisationIdentityFields } from "~/components/record-fields";
import { IntentButton, IntentForm, useFormResult } from "~/components/intent-form";
import type { OrganisationKind } from "~/graphql/graphql";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/**
 * "Ändra": the organisation's name, number and contact corrected in place, with the version the page was read at, so a
 * correction made meanwhile by someone else is refused with a reload instead of being overwritten.
 */
export function CorrectOrganisationForm({
  organisation,
}: {
  organisation: {
    version: number;
    name: string;
    organisationNumber: string;
    kind: OrganisationKind;
    annualMeetingMonth?: number | null;
    contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  };
}) {
  const t = useT();
  const answer = useFormResult("updateOrganisation");
  return (
    // Open again after a refusal, so the errors beside the fields are seen.
    <details className="card correct-record" open={answer && !answer.ok ? true : undefined}>
      <summary>{t("correct.summary")}</summary>
      <IntentForm
        intent="updateOrganisation"
        fields={["name", "organisationNumber", "annualMeetingMonth", ...CONTACT_FIELDS]}
        hidden={{ expectedVersion: String(organisation.version) }}
        aria-label={t("correct.organisation")}
        className="stack"
      >
        {(kit) => (
          <>
            <OrganisationIdentityFields kit={kit} initial={organisation} />
            {organisation.kind === "CUSTOMER" ? (
              <>
                <SelectField
                  kit={kit}
                  name="annualMeetingMonth"
                  label="admin.org.annualMeetingMonth"
                  options={MONTHS.map((m) => ({ value: String(m), label: t(`month.${m}` as MessageKey) }))}
                  empty={t("admin.org.annualMeetingUnknown")}
                  initial={organisation.annualMeetingMonth ? String(organisation.annualMeetingMonth) : ""}
                />
                <p className="hint">{t("admin.org.annualMeetingHint")}</p>
              </>
            ) : null}
            {/* Whom to reach, kept apart from the users (decision 0125); an emptied field removes it. */}
            <OrganisationContactFields kit={kit} initial={organisation.contact} />
            <IntentButton intent="updateOrganisation" busy={t("admin.saving")}>
              {t("correct.save")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </details>
  );
}
