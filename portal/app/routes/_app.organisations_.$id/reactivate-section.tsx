import { TextField } from "~/components/admin-fields";
import { IntentButton, IntentForm } from "~/components/intent-form";
import { useT } from "~/i18n/use-t";

/**
 * "Återaktivera organisationen" (vendor admins, decision 0091): it may again be a party and its people can be invited
 * back; what the deactivation ended stays ended, which the hint and the confirmation both say before anything is done.
 */
export function ReactivateSection({ organisation }: { organisation: { name: string; version: number } }) {
  const t = useT();
  return (
    <details className="card section" data-testid="reactivate-organisation">
      <summary>{t("reactivate.summary")}</summary>
      <p className="hint">{t("reactivate.hint")}</p>
      <IntentForm
        intent="reactivateOrganisation"
        fields={["reason"]}
        hidden={{ expectedVersion: String(organisation.version) }}
        confirm={t("reactivate.confirmPrompt", { name: organisation.name })}
        aria-label={t("reactivate.summary")}
        className="stack"
      >
        {(kit) => (
          <>
            <TextField kit={kit} name="reason" label="reactivate.reason" hint="reactivate.reasonHint" required />
            <IntentButton intent="reactivateOrganisation" busy={t("admin.saving")} className="button">
              {t("reactivate.confirm", { name: organisation.name })}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </details>
  );
}
