import { UpdateOrganisationDocument } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { contactInput, field, required, runAdminForm } from "~/lib/admin-form.server";

/** "Ändra" on the organisation page, sent with the version the page was read at. */
export async function runCorrectOrganisation(api: Api, organisationId: string, form: FormData) {
  return runAdminForm("updateOrganisation", form, required(form, ["name", "organisationNumber"]), async () => {
    const input = {
      organisationId,
      expectedVersion: Number(field(form, "expectedVersion")),
      name: field(form, "name"),
      organisationNumber: field(form, "organisationNumber"),
      // An emptied field removes that part of the contact.
      ...contactInput(form),
      // Only a customer's form has the field; left out, the month stays as it is.
      ...(form.has("annualMeetingMonth")
        ? { annualMeetingMonth: field(form, "annualMeetingMonth") ? Number(field(form, "annualMeetingMonth")) : null }
        : {}),
    };
    const payload = (await api.mutate(UpdateOrganisationDocument, { input })).updateOrganisation;
    return { userErrors: payload.userErrors, subject: payload.organisation?.name, record: "organisation" };
  });
}
