import { SelectField, TextField } from "~/components/admin-fields";
import { IntentButton, IntentForm } from "~/components/intent-form";
import { InvitationsSection } from "~/components/invitations-section";
import type { AdminInvitationsQuery } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { CUSTOMER_ROLES } from "@trygg/roles";

export const INVITATION_INTENTS = ["inviteUser", "resendInvitation", "revokeInvitation"] as const;
export type InvitationIntent = (typeof INVITATION_INTENTS)[number];

type Invitation = AdminInvitationsQuery["invitations"]["edges"][number]["node"];

/**
 * "Bjud in kundens användare" on a customer's page, for the seller who signed it up (decision 0112): the same
 * single-use, 14-day invitation an admin sends, with a customer's roles only, and the customer's open invitations
 * to send again or revoke. The customer's first user is usually its admin, so that role comes first.
 */
export function InviteCustomerUsersSection({
  organisation,
  invitations,
  now,
}: {
  organisation: { name: string };
  invitations: Invitation[];
  now: string;
}) {
  const t = useT();
  return (
    <>
      <section className="card section" aria-labelledby="invite-customer-users" data-testid="invite-customer-users">
        <h2 id="invite-customer-users">{t("organisation.inviteHeading", { name: organisation.name })}</h2>
        <p className="muted">{t("admin.users.inviteIntro")}</p>
        <IntentForm intent="inviteUser" fields={["name", "email", "role"]} className="stack">
          {(kit) => (
            <>
              <TextField kit={kit} name="name" label="admin.users.name" required autoComplete="off" />
              <TextField kit={kit} name="email" label="admin.users.email" type="email" required autoComplete="off" />
              <SelectField
                kit={kit}
                name="role"
                label="admin.users.role"
                options={CUSTOMER_ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
              />
              <IntentButton intent="inviteUser" busy={t("admin.saving")}>
                {t("admin.users.invite")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </section>
      <InvitationsSection invitations={invitations} now={now} />
    </>
  );
}
