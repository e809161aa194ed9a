import { ReactivateOrganisationDocument } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { field, required, runAdminForm } from "~/lib/admin-form.server";

/** "Återaktivera", sent with the version the page was read at and the reason. */
export async function runReactivateOrganisation(api: Api, organisationId: string, form: FormData) {
  return runAdminForm("reactivateOrganisation", form, required(form, ["reason"]), async () => {
    const input = {
      organisationId,
      expectedVersion: Number(field(form, "expectedVersion")),
      reason: field(form, "reason"),
    };
    const payload = (await api.mutate(ReactivateOrganisationDocument, { input })).reactivateOrganisation;
    return { userErrors: payload.userErrors, subject: payload.organisation?.name, record: "organisation" };
  });
}
