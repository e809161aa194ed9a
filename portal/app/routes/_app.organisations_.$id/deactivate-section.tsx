import { Form } from "@remix-run/react";
import { TextField } from "~/components/admin-fields";
import { FormErrors, IntentButton, IntentForm } from "~/components/intent-form";
import type { OrganisationDeactivationPreviewQuery, OrganisationKind } from "~/graphql/graphql";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formErrors } from "~/lib/form-result";
import { StackedTable } from "~/components/stacked-table";

type Preview = OrganisationDeactivationPreviewQuery["organisationDeactivationPreview"];
type Partner = { id: string; name: string };

/**
 * "Avaktivera organisationen" (vendor admins, decision 0085): first what it does — users and API tokens that stop,
 * each agreement terminated or handed to the partner chosen, properties kept — then the confirmation, sent with the
 * version the preview was made at, so a change in between is refused instead of done blind.
 */
export function DeactivateSection({
  organisation,
  preview,
  partners,
  receivingPartnerId,
}: {
  organisation: { id: string; name: string; kind: OrganisationKind };
  preview: Preview | null;
  partners: Partner[];
  receivingPartnerId: string;
}) {
  const t = useT();
  const lang = useLang();
  const effect = preview?.effect;
  return (
    <details className="card section" open={preview ? true : undefined} data-testid="deactivate-organisation">
      <summary>{t("deactivate.summary")}</summary>
      <p className="hint">
        {t(organisation.kind === "PARTNER" ? "deactivate.hintPartner" : "deactivate.hintCustomer")}
      </p>
      <Form method="get" className="stack" aria-label={t("deactivate.previewForm")}>
        <input type="hidden" name="deactivate" value="1" />
        {organisation.kind === "PARTNER" ? (
          <div className="field">
            <label htmlFor="receivingPartnerId">{t("deactivate.receivingPartner")}</label>
            <select id="receivingPartnerId" name="receivingPartnerId" defaultValue={receivingPartnerId}>
              <option value="">{t("deactivate.noReceivingPartner")}</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <p>
          <button type="submit" className="button button-secondary">
            {t("deactivate.showEffect")}
          </button>
        </p>
      </Form>
      {preview ? <FormErrors errors={formErrors(preview.userErrors)} /> : null}
      {effect ? (
        <div className="stack" data-testid="deactivation-effect">
          <h3>{t("deactivate.usersHeading", { count: effect.users.length })}</h3>
          {effect.users.length ? (
            <ul>
              {effect.users.map((u) => (
                <li key={u.email}>
                  {u.name} · {u.email} · {t(`role.${u.role}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("deactivate.noUsers")}</p>
          )}
          <h3>{t("deactivate.tokensHeading", { count: effect.apiTokens.length })}</h3>
          {effect.apiTokens.length ? (
            <ul>
              {effect.apiTokens.map((k) => (
                <li key={k.prefix}>
                  {k.name} <span className="tabular muted">{k.prefix}…</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("deactivate.noTokens")}</p>
          )}
          <h3>{t("deactivate.agreementsHeading", { count: effect.agreements.length })}</h3>
          {effect.agreements.length ? (
            <div className="table-wrap">
              <StackedTable columns={[t("agreements.number"), t("deactivate.outcome")]}>
                <tbody>
                  {effect.agreements.map((a) => (
                    <tr key={a.agreement.id}>
                      <td className="tabular">{a.agreement.number}</td>
                      <td>
                        {t(`deactivate.outcome.${a.outcome}` as MessageKey, {
                          date: a.terminatesOn ? formatDate(lang, a.terminatesOn) : "",
                          partner: effect.receivingPartner?.name ?? "",
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </StackedTable>
            </div>
          ) : (
            <p className="muted">{t("deactivate.noAgreements")}</p>
          )}
          <p>{t("deactivate.propertiesKept", { count: effect.propertiesKept })}</p>
          <p className="hint" data-testid="deactivation-final">
            {t("deactivate.notRevived")}
          </p>
          <IntentForm
            intent="deactivateOrganisation"
            fields={["reason"]}
            hidden={{
              expectedVersion: String(effect.organisation.version),
              receivingPartnerId: effect.receivingPartner?.id ?? "",
            }}
            aria-label={t("deactivate.confirmForm")}
            className="stack"
          >
            {(kit) => (
              <>
                <TextField kit={kit} name="reason" label="deactivate.reason" hint="deactivate.reasonHint" required />
                <IntentButton intent="deactivateOrganisation" busy={t("admin.saving")} className="button button-danger">
                  {t("deactivate.confirm", { name: organisation.name })}
                </IntentButton>
              </>
            )}
          </IntentForm>
        </div>
      ) : null}
    </details>
  );
}
