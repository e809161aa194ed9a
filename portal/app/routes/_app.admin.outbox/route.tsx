import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import { EmptyState, Pagination } from "~/components/list-controls";
import { AdminOutboxDocument, AdminRetryEmailDocument, type EmailState } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { field, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";
import { pageFromUrl } from "~/lib/paging";
import { redirectToLogin } from "~/lib/session.server";
import { viewerOf } from "~/lib/viewer.server";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "outbox.title") }];

/** Failed first: that is what a person must look at; the rest are there to check a mail went out. */
const VIEWS = ["FAILED", "PENDING", "SENT", "ALL"] as const;
type View = (typeof VIEWS)[number];
const INTENTS = ["retryEmail"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const view: View = VIEWS.find((v) => v === url.searchParams.get("state")) ?? "FAILED";
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  if (!viewer.sections.includes("EMAIL_OUTBOX")) throw new Response("Forbidden", { status: 403 });
  const state: EmailState[] | null = view === "ALL" ? null : [view];
  const { emails } = await api.query(AdminOutboxDocument, { state, ...pageFromUrl(url).variables });
  return { view, emails };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = intentOf(form, INTENTS);
  const { api } = await apiFor(request);
  const target = field(form, "targetId");
  return runAdminForm(
    intent,
    form,
    [],
    async () => {
      const payload = (await api.mutate(AdminRetryEmailDocument, { input: { emailId: target } })).retryEmail;
      return { userErrors: payload.userErrors, subject: payload.email?.to };
    },
    null,
    target,
  );
}

export default function OutboxPage() {
  const t = useT();
  const lang = useLang();
  const { view, emails } = useLoaderData<typeof loader>();
  const rows = emails.edges.map((e) => e.node);
  return (
    <>
      <div className="page-heading">
        <h1>{t("outbox.title")}</h1>
        <p className="muted">{t("outbox.intro")}</p>
        <nav aria-label={t("outbox.filter")} className="filter-links">
          {VIEWS.map((v) => (
            <Link
              key={v}
              to={v === "FAILED" ? "/admin/outbox" : `/admin/outbox?state=${v}`}
              className={`button button-small ${v === view ? "" : "button-secondary"}`}
              aria-current={v === view ? "page" : undefined}
            >
              {t(`outbox.show.${v}`)}
            </Link>
          ))}
        </nav>
      </div>
      <SuccessNotice intents={INTENTS} />
      {rows.length === 0 ? (
        <EmptyState
          title={view === "FAILED" ? t("outbox.noneFailed") : t("outbox.empty")}
          hint={view === "FAILED" ? t("outbox.noneFailedHint") : undefined}
        />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <StackedTable
            data-testid="outbox"
            caption={<caption className="visually-hidden">{t("outbox.title")}</caption>}
            columns={[
              t("outbox.to"),
              t("outbox.subject"),
              t("outbox.lastError"),
              t("outbox.attempts"),
              t("outbox.queuedAt"),
              t("outbox.state"),
            ]}
          >
            <tbody>
              {rows.map((mail) => (
                <tr key={mail.id} data-email={mail.to} data-state={mail.state}>
                  <th scope="row" className="cell-break">
                    {mail.to}
                  </th>
                  <td data-label={t("outbox.subject")}>{mail.subject}</td>
                  <td data-label={t("outbox.lastError")} className="cell-break cell-error">
                    {mail.lastError ?? t("common.none")}
                  </td>
                  <td data-label={t("outbox.attempts")} className="tabular">
                    {mail.attempts}
                  </td>
                  <td data-label={t("outbox.queuedAt")} className="nowrap">
                    {formatDateTime(lang, mail.createdAt)}
                  </td>
                  <td data-label={t("outbox.state")}>
                    <span
                      className={`badge ${mail.state === "FAILED" ? "badge-redo" : mail.state === "SENT" ? "badge-active" : ""}`}
                    >
                      {t(`outbox.state.${mail.state}`)}
                    </span>
                    {mail.state === "FAILED" ? (
                      <IntentForm
                        intent="retryEmail"
                        target={mail.id}
                        className="row-actions"
                        aria-label={t("outbox.retryLabel", { to: mail.to })}
                      >
                        {() => (
                          <IntentButton
                            intent="retryEmail"
                            target={mail.id}
                            busy={t("outbox.retrying")}
                            className="button button-small"
                          >
                            {t("outbox.retry")}
                          </IntentButton>
                        )}
                      </IntentForm>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
      <Pagination pageInfo={emails.pageInfo} shown={rows.length} total={emails.totalCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
