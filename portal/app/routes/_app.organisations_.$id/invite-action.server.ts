import { AdminInviteUserDocument } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { field, required, runAdminForm } from "~/lib/admin-form.server";
import { runInvitationChange } from "~/lib/invitation-action.server";
import { CUSTOMER_ROLES, LEAST_CUSTOMER_ROLE } from "@trygg/roles";
import type { InvitationIntent } from "./invite-section";

/** The seller's invitations to this customer: the API keeps the reach (a customer's roles, decision 0112). */
export async function runInvitationIntent(api: Api, organisationId: string, intent: InvitationIntent, form: FormData) {
  if (intent === "inviteUser") {
    const role = CUSTOMER_ROLES.find((r) => r === field(form, "role")) ?? LEAST_CUSTOMER_ROLE;
    return runAdminForm(
      intent,
      form,
      required(form, ["name", "email"]),
      async () => {
        const input = { organisationId, name: field(form, "name"), email: field(form, "email"), role };
        const payload = (await api.mutate(AdminInviteUserDocument, { input })).inviteUser;
        return { userErrors: payload.userErrors, subject: payload.invitation?.name };
      },
      "email",
    );
  }
  return runInvitationChange(api, intent, form);
}
