import { SelectField } from "~/components/admin-fields";
import { IntentButton, IntentForm, RowAction } from "~/components/intent-form";
import type { OrganisationKind, Role } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { CUSTOMER_ROLES, PARTNER_ROLES, VENDOR_ROLES } from "@trygg/roles";

/** The roles that fit each kind of organisation; the API refuses others (ROLE_NOT_ALLOWED_FOR_ORGANISATION). */
export const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  VENDOR: VENDOR_ROLES,
  PARTNER: PARTNER_ROLES,
  CUSTOMER: CUSTOMER_ROLES,
};

/** Another role (of the user's organisation's kind) and deactivation, for one row. */
export function UserActions({
  user,
}: {
  user: { id: string; name: string; email: string; role: Role; organisation: { kind: OrganisationKind } };
}) {
  const t = useT();
  return (
    <div className="row-actions">
      <IntentForm
        intent="changeRole"
        target={user.id}
        fields={["role"]}
        className="inline-form"
        aria-label={t("admin.users.changeRoleLabel", { name: user.name, email: user.email })}
      >
        {(kit) => (
          <>
            <SelectField
              kit={kit}
              name="role"
              label="admin.users.newRole"
              options={ROLES_BY_KIND[user.organisation.kind].map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
            />
            <IntentButton
              intent="changeRole"
              target={user.id}
              busy={t("admin.saving")}
              className="button button-secondary button-small"
            >
              {t("admin.users.changeRole")}
            </IntentButton>
          </>
        )}
      </IntentForm>
      <RowAction
        intent="deactivateUser"
        target={user.id}
        confirm={t("admin.users.deactivateConfirm", { name: user.name })}
        busy={t("admin.saving")}
      >
        {t("admin.users.deactivate")}
      </RowAction>
    </div>
  );
}

/** "Återaktivera": a deactivated user back with their account, at the version the list was read at. */
export function ReactivateAction({ user }: { user: { id: string; name: string; version: number } }) {
  const t = useT();
  return (
    <IntentForm
      intent="reactivateUser"
      target={user.id}
      hidden={{ expectedVersion: String(user.version) }}
      confirm={t("admin.users.reactivateConfirm", { name: user.name })}
    >
      {() => (
        <IntentButton
          intent="reactivateUser"
          target={user.id}
          busy={t("admin.saving")}
          className="button button-secondary button-small"
        >
          {t("admin.users.reactivate")}
        </IntentButton>
      )}
    </IntentForm>
  );
}

/**
 * The user's personal data as a JSON file (decision 0086): every user listed here is one the viewer manages, so an
 * admin may download it for them (a request for access, GDPR art. 15); the API refuses anyone else's.
 */
export function PersonalDataLink({ user }: { user: { id: string; name: string } }) {
  const t = useT();
  return (
    <a
      className="button button-secondary button-small"
      href={`/account/personal-data?user=${encodeURIComponent(user.id)}`}
      download
      aria-label={t("admin.users.personalDataFor", { name: user.name })}
    >
      {t("admin.users.personalData")}
    </a>
  );
}
