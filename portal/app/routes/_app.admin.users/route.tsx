import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { SelectField, TextField } from "~/components/admin-fields";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import { EmptyState, FilterActions, Pagination } from "~/components/list-controls";
import {
  AdminAccessDocument,
  AdminChangeUserRoleDocument,
  AdminDeactivateUserDocument,
  AdminReactivateUserDocument,
  AdminInvitationsDocument,
  AdminInviteUserDocument,
  AdminLoginLockoutsDocument,
  AdminManagedOrganisationDocument,
  AdminUnlockLoginDocument,
  AdminUsersDocument,
} from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { field, required, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";
import { runInvitationChange } from "~/lib/invitation-action.server";
import { pageFromUrl } from "~/lib/paging";
import { redirectToLogin } from "~/lib/session.server";
import { InvitationsSection } from "~/components/invitations-section";
import { LockoutsSection } from "./lockouts-section";
import { PersonalDataLink, ROLES_BY_KIND, ReactivateAction, UserActions } from "./user-row-actions";
import {
  BOARD_RECOVERERS,
  HANDOVER_STARTERS,
  LEAST_CUSTOMER_ROLE,
  PERSONAL_DATA_KEEPERS,
  USER_CREATORS_ANYWHERE,
  isOneOf,
} from "@trygg/roles";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.users.title") }];

const ALL_ROLES = Object.values(ROLES_BY_KIND).flat();
const INTENTS = [
  "inviteUser",
  "resendInvitation",
  "revokeInvitation",
  "changeRole",
  "deactivateUser",
  "reactivateUser",
  "unlockLogin",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const { api, session } = await apiFor(request);
  const { viewer } = await api.query(AdminAccessDocument, {});
  if (!viewer) return redirectToLogin(session);
  if (!viewer.sections.includes("USERS")) throw new Response("Forbidden", { status: 403 });
  const isVendorAdmin = isOneOf(viewer.user.role, USER_CREATORS_ANYWHERE);
  const asked = url.searchParams.get("organisation") || null;
  // Partner and customer admins manage their own organisation; a partner admin also a customer its partner
  // registered (decision 0104), which the API says and scopes the lists by.
  const managed = !isVendorAdmin && asked && asked !== viewer.organisation.id ? await managedBy(api, asked) : null;
  const organisationId = isVendorAdmin ? asked : (managed?.id ?? viewer.organisation.id);
  const data = await api.query(AdminUsersDocument, { organisationId, isVendorAdmin, ...page.variables });
  const { invitations } = await api.query(AdminInvitationsDocument, { organisationId });
  const lockouts = viewer.sections.includes("LOGIN_LOCKOUTS")
    ? (await api.query(AdminLoginLockoutsDocument, {})).loginLockouts
    : null;
  return {
    viewer,
    users: data.users,
    invitations: invitations.edges.map((e) => e.node),
    // The loader's instant, so that server and browser agree which invitations have expired.
    now: new Date().toISOString(),
    organisations: data.organisations?.edges.map((e) => e.node) ?? null,
    organisationId,
    managed,
    lockouts,
  };
}

/** A customer the viewer administers besides its own; any other answers 404, as a missing one. */
async function managedBy(api: Awaited<ReturnType<typeof apiFor>>["api"], id: string) {
  const { node } = await api.query(AdminManagedOrganisationDocument, { id });
  if (node?.__typename !== "Organisation" || !node.viewerCanAdministerUsers)
    throw new Response("Not found", { status: 404 });
  return node;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  const intent = intentOf(form, INTENTS);
  const role = ALL_ROLES.find((r) => r === field(form, "role"));
  const target = field(form, "targetId");
  if (intent === "unlockLogin") {
    return runAdminForm(
      intent,
      form,
      [],
      async () => {
        const payload = (await api.mutate(AdminUnlockLoginDocument, { input: { userId: target } })).unlockLogin;
        return { userErrors: payload.userErrors, subject: payload.user?.name };
      },
      null,
      target,
    );
  }
  if (intent === "resendInvitation" || intent === "revokeInvitation") return runInvitationChange(api, intent, form);
  if (intent === "deactivateUser") {
    return runAdminForm(
      intent,
      form,
      [],
      async () => {
        const payload = (await api.mutate(AdminDeactivateUserDocument, { input: { userId: target } })).deactivateUser;
        return { userErrors: payload.userErrors, subject: payload.user?.name };
      },
      null,
      target,
    );
  }
  if (intent === "reactivateUser") {
    return runAdminForm(
      intent,
      form,
      [],
      async () => {
        const input = { userId: target, expectedVersion: Number(field(form, "expectedVersion")) };
        const payload = (await api.mutate(AdminReactivateUserDocument, { input })).reactivateUser;
        return { userErrors: payload.userErrors, subject: payload.user?.name, record: "user" };
      },
      null,
      target,
    );
  }
  if (intent === "changeRole") {
    return runAdminForm(
      intent,
      form,
      [],
      async () => {
        const payload = (
          await api.mutate(AdminChangeUserRoleDocument, {
            input: { userId: target, role: role ?? LEAST_CUSTOMER_ROLE },
          })
        ).changeUserRole;
        return { userErrors: payload.userErrors, subject: payload.user?.name };
      },
      "role",
      target,
    );
  }
  const { viewer } = await api.query(AdminAccessDocument, {});
  const organisationId = isOneOf(viewer?.user.role, USER_CREATORS_ANYWHERE)
    ? field(form, "organisationId")
    : field(form, "managedOrganisationId") || (viewer?.organisation.id ?? "");
  const errors = required(form, [
    "name",
    "email",
    ...(isOneOf(viewer?.user.role, USER_CREATORS_ANYWHERE) ? ["organisationId"] : []),
  ]);
  return runAdminForm(
    intent,
    form,
    errors,
    async () => {
      const input = {
        organisationId,
        name: field(form, "name"),
        email: field(form, "email"),
        role: role ?? LEAST_CUSTOMER_ROLE,
      };
      const payload = (await api.mutate(AdminInviteUserDocument, { input })).inviteUser;
      return { userErrors: payload.userErrors, subject: payload.invitation?.name };
    },
    "email",
  );
}

export default function UsersPage() {
  const t = useT();
  const { viewer, users, invitations, now, organisations, organisationId, managed, lockouts } =
    useLoaderData<typeof loader>();
  const rows = users.edges.map((e) => e.node);
  const roles = organisations ? ALL_ROLES : ROLES_BY_KIND[(managed ?? viewer.organisation).kind];
  return (
    <>
      <div className="page-heading">
        <h1>{t("admin.users.title")}</h1>
        <p className="muted">
          {organisations
            ? t("admin.users.introVendor")
            : t("admin.users.intro", { organisation: (managed ?? viewer.organisation).name })}
        </p>
        {/* A handover is of the viewer's own organisation: not offered on a customer's users. */}
        {!managed && (isOneOf(viewer.user.role, BOARD_RECOVERERS) || isOneOf(viewer.user.role, HANDOVER_STARTERS)) ? (
          <p>
            <Link to="/board-handover">
              {t(isOneOf(viewer.user.role, BOARD_RECOVERERS) ? "handover.recoverHeading" : "handover.title")} →
            </Link>
          </p>
        ) : null}
      </div>
      <SuccessNotice intents={INTENTS} />
      {lockouts ? <LockoutsSection lockouts={lockouts} /> : null}

      <section className="card section" aria-labelledby="user-title">
        <h2 id="user-title">{t("admin.users.createHeading")}</h2>
        <p className="muted">{t("admin.users.inviteIntro")}</p>
        <IntentForm intent="inviteUser" fields={["organisationId", "name", "email", "role"]} className="stack">
          {(kit) => (
            <>
              {organisations ? (
                <SelectField
                  kit={kit}
                  name="organisationId"
                  label="admin.users.organisation"
                  options={organisations.map((o) => ({
                    value: o.id,
                    label: `${o.name} (${t(`admin.kind.${o.kind}`)})`,
                  }))}
                  empty={t("admin.choose")}
                />
              ) : null}
              {managed ? <input type="hidden" name="managedOrganisationId" value={managed.id} /> : null}
              <TextField kit={kit} name="name" label="admin.users.name" required autoComplete="off" />
              <TextField kit={kit} name="email" label="admin.users.email" type="email" required autoComplete="off" />
              <SelectField
                kit={kit}
                name="role"
                label="admin.users.role"
                options={roles.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
              />
              {organisations ? <p className="hint">{t("admin.users.roleHint")}</p> : null}
              <IntentButton intent="inviteUser" busy={t("admin.saving")}>
                {t("admin.users.invite")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </section>

      <InvitationsSection invitations={invitations} now={now} />

      <section className="section" aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t("admin.users.listHeading")}</h2>
        {organisations ? (
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="users-organisation">{t("admin.users.filterOrganisation")}</label>
              <select id="users-organisation" name="organisation" defaultValue={organisationId ?? ""}>
                <option value="">{t("admin.all")}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <FilterActions submitLabel={t("admin.filter")} filtered={Boolean(organisationId)} />
          </Form>
        ) : null}
        {rows.length === 0 ? (
          <EmptyState title={t("admin.users.empty")} />
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <StackedTable
              data-testid="users"
              caption={<caption className="visually-hidden">{t("admin.users.listHeading")}</caption>}
              columns={[
                t("admin.users.name"),
                t("admin.users.email"),
                t("admin.users.role"),
                t("admin.users.organisation"),
                t("admin.users.actions"),
              ]}
            >
              <tbody>
                {rows.map((user) => (
                  <tr key={user.id} data-user={user.email}>
                    <th scope="row">{user.name}</th>
                    <td data-label={t("admin.users.email")} className="cell-break">
                      {user.email}
                    </td>
                    <td data-label={t("admin.users.role")}>
                      {t(`admin.role.${user.role}`)}
                      {user.deactivatedAt ? (
                        <span className="badge badge-revoked">{t("admin.users.deactivated")}</span>
                      ) : null}
                    </td>
                    <td data-label={t("admin.users.organisation")}>{user.organisation.name}</td>
                    <td>
                      {user.deactivatedAt ? (
                        user.formerUser ? null : (
                          <ReactivateAction user={user} />
                        )
                      ) : user.id === viewer.user.id ? null : (
                        <UserActions user={user} />
                      )}
                      {isOneOf(viewer.user.role, PERSONAL_DATA_KEEPERS) ? <PersonalDataLink user={user} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        )}
        <Pagination pageInfo={users.pageInfo} shown={rows.length} total={users.totalCount} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
