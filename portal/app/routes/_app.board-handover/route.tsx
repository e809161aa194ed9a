import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { TextField } from "~/components/admin-fields";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import {
  AdminAccessDocument,
  BoardHandoverDocument,
  RecoverBoardAdminDocument,
  StartBoardHandoverDocument,
} from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { field, required, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";
import { redirectToLogin } from "~/lib/session.server";
import { BOARD_RECOVERERS, HANDOVER_STARTERS, isOneOf } from "@trygg/roles";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "handover.title") }];

const INTENTS = ["startBoardHandover", "recoverBoardAdmin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { api, session } = await apiFor(request);
  const { viewer } = await api.query(AdminAccessDocument, {});
  if (!viewer) return redirectToLogin(session);
  const isVendorAdmin = isOneOf(viewer.user.role, BOARD_RECOVERERS);
  if (!isVendorAdmin && !isOneOf(viewer.user.role, HANDOVER_STARTERS)) throw new Response("Forbidden", { status: 403 });
  const organisationId = isVendorAdmin ? url.searchParams.get("organisation") || null : viewer.organisation.id;
  // A vendor admin sees a board once one is chosen; the whole user list is the users page's.
  const data =
    isVendorAdmin && !organisationId
      ? null
      : await api.query(BoardHandoverDocument, { organisationId, isVendorAdmin: false });
  const organisations = isVendorAdmin
    ? (await api.query(BoardHandoverDocument, { organisationId: viewer.organisation.id, isVendorAdmin: true }))
        .organisations!.edges.map((e) => e.node)
        .filter((o) => o.kind !== "VENDOR")
    : null;
  return {
    viewer,
    organisationId,
    organisations,
    members: data?.users.edges.map((e) => e.node).filter((u) => !u.deactivatedAt) ?? [],
    invitations: data?.invitations.edges.map((e) => e.node) ?? [],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await apiFor(request);
  const intent = intentOf(form, INTENTS);
  if (intent === "recoverBoardAdmin") {
    const errors = required(form, ["organisationId", "name", "email", "reason"]);
    return runAdminForm(
      intent,
      form,
      errors,
      async () => {
        const input = {
          organisationId: field(form, "organisationId"),
          name: field(form, "name"),
          email: field(form, "email"),
          reason: field(form, "reason"),
          replaceAdmins: form.get("replaceAdmins") === "on",
        };
        const payload = (await api.mutate(RecoverBoardAdminDocument, { input })).recoverBoardAdmin;
        return { userErrors: payload.userErrors, subject: payload.invitation?.name };
      },
      "email",
    );
  }
  return runAdminForm(
    intent,
    form,
    required(form, ["name", "email"]),
    async () => {
      const input = { name: field(form, "name"), email: field(form, "email"), leave: form.get("leave") === "on" };
      const payload = (await api.mutate(StartBoardHandoverDocument, { input })).startBoardHandover;
      return { userErrors: payload.userErrors, subject: payload.invitation?.name };
    },
    "email",
  );
}

/**
 * "Lämna över": the BRF's board changes every spring. The admin sees who has access now, invites the successor as
 * admin and says whether they leave once the successor has accepted — until then they stay, as the last admin
 * always does. The yearly board-check mail links here. Vendor admins recover a board that lost its admin.
 */
export default function BoardHandoverPage() {
  const t = useT();
  const lang = useLang();
  const { viewer, organisations, organisationId, members, invitations } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>{t("handover.title")}</h1>
        <p className="muted">
          {organisations ? t("handover.introVendor") : t("handover.intro", { organisation: viewer.organisation.name })}
        </p>
      </div>
      <SuccessNotice intents={INTENTS} />

      {organisations ? (
        <form method="get" className="filters">
          <div className="field">
            <label htmlFor="handover-organisation">{t("admin.users.filterOrganisation")}</label>
            <select id="handover-organisation" name="organisation" defaultValue={organisationId ?? ""}>
              <option value="">{t("admin.choose")}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t("handover.show")}
          </button>
        </form>
      ) : null}

      {organisationId ? (
        <section className="card section handover" aria-labelledby="board-now">
          <h2 id="board-now">{t("handover.boardNow")}</h2>
          <ul className="board-list" data-testid="board-members">
            {members.map((m) => (
              <li key={m.id}>
                <strong>{m.name}</strong> · {t(`admin.role.${m.role}`)} · <span className="muted">{m.email}</span>
                {m.id === viewer.user.id ? <span className="badge">{t("handover.you")}</span> : null}
              </li>
            ))}
          </ul>
          {invitations.length > 0 ? (
            <>
              <h3>{t("handover.invited")}</h3>
              <ul className="board-list" data-testid="board-invited">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.name} · {t(`admin.role.${i.role}`)} · {i.email} ·{" "}
                    {t("handover.invitedUntil", { date: formatDate(lang, i.expiresAt) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {organisations ? null : (
            <p className="hint">
              {t("handover.membersHint")} <Link to="/admin/users">{t("handover.usersLink")}</Link>
            </p>
          )}
        </section>
      ) : null}

      {organisations ? organisationId ? <RecoverForm organisationId={organisationId} /> : null : <HandoverForm />}
    </>
  );
}

function HandoverForm() {
  const t = useT();
  return (
    <section className="card section handover" aria-labelledby="handover-form">
      <h2 id="handover-form">{t("handover.formHeading")}</h2>
      <ol>
        <li>{t("handover.step1")}</li>
        <li>{t("handover.step2")}</li>
        <li>{t("handover.step3")}</li>
      </ol>
      <IntentForm intent="startBoardHandover" fields={["name", "email", "leave"]} className="stack">
        {(kit) => (
          <>
            <TextField kit={kit} name="name" label="handover.successorName" required autoComplete="off" />
            <TextField
              kit={kit}
              name="email"
              label="handover.successorEmail"
              type="email"
              required
              autoComplete="off"
            />
            <div className="field field-check">
              <label className="check">
                <input
                  type="checkbox"
                  {...kit.props("leave")}
                  defaultChecked={kit.failed ? kit.value("leave") === "on" : true}
                />
                {t("handover.leave")}
              </label>
              {kit.error("leave")}
            </div>
            <IntentButton intent="startBoardHandover" busy={t("admin.saving")}>
              {t("handover.submit")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </section>
  );
}

function RecoverForm({ organisationId }: { organisationId: string }) {
  const t = useT();
  return (
    <section className="card section handover" aria-labelledby="recover-form">
      <h2 id="recover-form">{t("handover.recoverHeading")}</h2>
      <p className="muted">{t("handover.recoverIntro")}</p>
      <IntentForm
        intent="recoverBoardAdmin"
        fields={["name", "email", "reason", "replaceAdmins"]}
        hidden={{ organisationId }}
        className="stack"
      >
        {(kit) => (
          <>
            <TextField kit={kit} name="name" label="handover.successorName" required autoComplete="off" />
            <TextField
              kit={kit}
              name="email"
              label="handover.successorEmail"
              type="email"
              required
              autoComplete="off"
            />
            <div className="field">
              <label htmlFor={kit.props("reason").id}>{t("handover.reason")}</label>
              <textarea {...kit.props("reason")} rows={3} required defaultValue={kit.value("reason", "")} />
              <p className="hint">{t("handover.reasonHint")}</p>
              {kit.error("reason")}
            </div>
            <div className="field field-check">
              <label className="check">
                <input
                  type="checkbox"
                  {...kit.props("replaceAdmins")}
                  defaultChecked={kit.failed ? kit.value("replaceAdmins") === "on" : true}
                />
                {t("handover.replaceAdmins")}
              </label>
            </div>
            <IntentButton intent="recoverBoardAdmin" busy={t("admin.saving")}>
              {t("handover.recoverSubmit")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
