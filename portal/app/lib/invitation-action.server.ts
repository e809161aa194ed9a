import { AdminResendInvitationDocument, AdminRevokeInvitationDocument } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { field, runAdminForm } from "~/lib/admin-form.server";

/** "Skicka igen" or "Återkalla" on an open invitation, wherever the invitations are listed; the API keeps the reach. */
export function runInvitationChange(api: Api, intent: "resendInvitation" | "revokeInvitation", form: FormData) {
  const target = field(form, "targetId");
  return runAdminForm(
    intent,
    form,
    [],
    async () => {
      const input = { invitationId: target };
      const payload =
        intent === "resendInvitation"
          ? (await api.mutate(AdminResendInvitationDocument, { input })).resendInvitation
          : (await api.mutate(AdminRevokeInvitationDocument, { input })).revokeInvitation;
      return { userErrors: payload.userErrors, subject: payload.invitation?.name };
    },
    null,
    target,
  );
}
