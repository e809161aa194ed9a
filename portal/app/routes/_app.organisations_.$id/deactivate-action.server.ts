import { DeactivateOrganisationDocument } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { field, required, runAdminForm } from "~/lib/admin-form.server";

/** "Avaktivera" under the preview, sent with the version and the receiving partner the preview was made with. */
export async function runDeactivateOrganisation(api: Api, organisationId: string, form: FormData) {
  return runAdminForm("deactivateOrganisation", form, required(form, ["reason"]), async () => {
    const input = {
      organisationId,
      expectedVersion: Number(field(form, "expectedVersion")),
      receivingPartnerId: field(form, "receivingPartnerId") || null,
      reason: field(form, "reason"),
    };
    const payload = (await api.mutate(DeactivateOrganisationDocument, { input })).deactivateOrganisation;
    return { userErrors: payload.userErrors, subject: payload.effect?.organisation.name, record: "organisation" };
  });
}
