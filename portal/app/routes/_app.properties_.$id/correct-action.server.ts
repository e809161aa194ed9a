import { UpdatePropertyDocument } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { field, required, runAdminForm } from "~/lib/admin-form.server";
import { intentOf } from "~/lib/intent.server";

/** The property page's one form: "Ändra", sent with the version the page was read at. */
export async function runCorrectProperty(api: Api, propertyId: string, form: FormData) {
  const intent = intentOf(form, ["updateProperty"] as const);
  const errors = required(form, ["name", "streetAddress", "postalCode", "city", "apartments"]);
  const installerId = field(form, "installerId");
  return runAdminForm(
    intent,
    form,
    errors,
    async () => {
      const input = {
        propertyId,
        expectedVersion: Number(field(form, "expectedVersion")),
        name: field(form, "name"),
        streetAddress: field(form, "streetAddress"),
        postalCode: field(form, "postalCode"),
        city: field(form, "city"),
        apartments: Number(field(form, "apartments")),
        // An installer the viewer may not see shows as none: left as it was, it must not be removed.
        ...(installerId === field(form, "installerWas") ? {} : { installerId: installerId || null }),
      };
      const payload = (await api.mutate(UpdatePropertyDocument, { input })).updateProperty;
      return { userErrors: payload.userErrors, subject: payload.property?.name, record: "property" };
    },
    "apartments",
  );
}
