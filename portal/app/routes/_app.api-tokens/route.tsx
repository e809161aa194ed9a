import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState, Pagination } from "~/components/list-controls";
import { ErrorPanel } from "~/components/error-panel";
import { NewSecret } from "~/components/new-secret";
import { SubmitButton } from "~/components/submit-button";
import {
  ApiTokenScopesDocument,
  ApiTokensDocument,
  CreateApiTokenDocument,
  RevokeApiTokenDocument,
} from "~/graphql/graphql";
import { formatDateTime, userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { intentOf } from "~/lib/intent.server";
import { apiFor } from "~/lib/api.server";
import { pageFromUrl } from "~/lib/paging";
import { readScopes, ScopeChoice, ScopeSummary, type AccessChoice } from "./token-scopes";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "apiTokens.title") }];

const NAME_MAX = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const page = pageFromUrl(new URL(request.url));
  const { api } = await apiFor(request);
  // The API decides who may list tokens (partner admins and admins); others get FORBIDDEN → 403.
  const { apiTokens, apiTokenScopes } = await api.query(ApiTokensDocument, page.variables);
  return { apiTokens, apiTokenScopes };
}

type ActionResult =
  | { intent: "create"; created: { name: string; secret: string } }
  | { intent: "create"; error: MessageKey; name: string; choice: { access: AccessChoice; scopes: string[] } }
  | { intent: "revoke"; revoked: string }
  | { intent: "revoke"; error: MessageKey };

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult> {
  const form = await request.formData();
  const { api } = await apiFor(request);
  if (intentOf(form, ["create", "revoke"]) === "revoke") {
    const apiTokenId = String(form.get("apiTokenId") ?? "");
    const { revokeApiToken } = await api.mutate(RevokeApiTokenDocument, { input: { apiTokenId } });
    const [userError] = revokeApiToken.userErrors;
    if (userError || !revokeApiToken.apiToken)
      return { intent: "revoke", error: userErrorKey(userError?.code ?? "UNKNOWN") };
    return { intent: "revoke", revoked: revokeApiToken.apiToken.name };
  }
  const name = String(form.get("name") ?? "").trim();
  const access: AccessChoice =
    form.get("access") === "read" ? "read" : form.get("access") === "chosen" ? "chosen" : "full";
  const ticked = form.getAll("scopes").map(String);
  const choice = { access, scopes: ticked };
  if (!name || name.length > NAME_MAX) return { intent: "create", error: "apiTokens.nameMissing", name, choice };
  if (access === "chosen" && ticked.length === 0)
    return { intent: "create", error: "apiTokens.scopesMissing", name, choice };
  // Read-only is every read scope the API offers now, so a new domain's is included without a portal release.
  const scopes =
    access === "read"
      ? readScopes((await api.query(ApiTokenScopesDocument, {})).apiTokenScopes)
      : access === "chosen"
        ? ticked
        : null;
  const { createApiToken } = await api.mutate(CreateApiTokenDocument, { input: { name, scopes } });
  const [userError] = createApiToken.userErrors;
  if (userError || !createApiToken.secret)
    return { intent: "create", error: userErrorKey(userError?.code ?? "UNKNOWN"), name, choice };
  return { intent: "create", created: { name, secret: createApiToken.secret } };
}

export default function ApiTokensPage() {
  const t = useT();
  const lang = useLang();
  const { apiTokens, apiTokenScopes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const tokens = apiTokens.edges.map((edge) => edge.node);
  const failed = result?.intent === "create" && "error" in result ? result : undefined;
  // No scope ticked is the choice's fault, shown at the choice; anything else at the name.
  const scopeError = failed?.error === "apiTokens.scopesMissing" ? failed.error : undefined;
  const createError = failed && !scopeError ? failed : undefined;
  return (
    <>
      <div className="page-heading">
        <h1>{t("apiTokens.title")}</h1>
        <p className="muted">{t("apiTokens.intro")}</p>
      </div>

      {result?.intent === "create" && "created" in result ? (
        <NewSecret
          heading={t("apiTokens.secretHeading")}
          text={t("apiTokens.secretText")}
          label={t("apiTokens.secretLabel", { name: result.created.name })}
          secret={result.created.secret}
        />
      ) : null}
      {result?.intent === "revoke" && "revoked" in result ? (
        <p className="alert alert-info" role="status">
          {t("apiTokens.revoked", { name: result.revoked })}
        </p>
      ) : null}
      {result?.intent === "revoke" && "error" in result ? (
        <p className="alert alert-error" role="alert">
          {t(result.error)}
        </p>
      ) : null}

      <section className="card section" aria-labelledby="create-title">
        <h2 id="create-title">{t("apiTokens.createHeading")}</h2>
        {/* Remount after a successful create so the name field is empty for the next token. */}
        <Form
          method="post"
          className="inline-form"
          key={result?.intent === "create" && "created" in result ? result.created.secret : "form"}
        >
          <div className="field field-grow">
            <label htmlFor="token-name">{t("apiTokens.name")}</label>
            <input
              id="token-name"
              name="name"
              required
              maxLength={NAME_MAX}
              defaultValue={failed?.name}
              aria-describedby={createError ? "token-name-hint token-name-error" : "token-name-hint"}
              aria-invalid={createError ? true : undefined}
            />
            <p id="token-name-hint" className="hint">
              {t("apiTokens.nameHint")}
            </p>
            {createError ? (
              <p id="token-name-error" className="field-error" role="alert">
                {t(createError.error)}
              </p>
            ) : null}
          </div>
          <ScopeChoice all={apiTokenScopes} chosen={failed?.choice} error={scopeError ? t(scopeError) : undefined} />
          <SubmitButton intent="create" busyLabel={t("apiTokens.creating")}>
            {t("apiTokens.create")}
          </SubmitButton>
        </Form>
      </section>

      <section className="section" aria-labelledby="list-title">
        <h2 id="list-title">{t("apiTokens.listHeading")}</h2>
        {tokens.length === 0 ? (
          <EmptyState title={t("apiTokens.empty")} hint={t("apiTokens.emptyHint")} />
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <StackedTable
              caption={<caption className="visually-hidden">{t("apiTokens.caption")}</caption>}
              columns={[
                t("field.name"),
                t("apiTokens.prefix"),
                t("apiTokens.scopes"),
                t("apiTokens.createdBy"),
                t("apiTokens.createdAt"),
                t("apiTokens.lastUsed"),
                t("apiTokens.status"),
                t("apiTokens.actions"),
              ]}
            >
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} data-token-name={token.name}>
                    <th scope="row">{token.name}</th>
                    <td data-label={t("apiTokens.prefix")}>
                      <code>{token.prefix}…</code>
                    </td>
                    <td data-scopes data-label={t("apiTokens.scopes")}>
                      <ScopeSummary scopes={token.scopes ?? null} all={apiTokenScopes} />
                    </td>
                    <td data-label={t("apiTokens.createdBy")} data-token-organisation>
                      {token.createdBy.name}
                      {/* A vendor admin lists every organisation's tokens: whose it is matters before revoking. */}
                      <br />
                      <span className="muted small">{token.createdBy.organisation.name}</span>
                    </td>
                    <td data-label={t("apiTokens.createdAt")}>{formatDateTime(lang, token.createdAt)}</td>
                    <td data-label={t("apiTokens.lastUsed")}>
                      {token.lastUsedAt ? (
                        formatDateTime(lang, token.lastUsedAt)
                      ) : (
                        <span className="muted">{t("apiTokens.never")}</span>
                      )}
                    </td>
                    <td data-label={t("apiTokens.status")}>
                      {token.revokedAt ? (
                        <>
                          <span className="badge badge-revoked">{t("apiTokens.revokedState")}</span>
                          <span className="cell-note">{formatDateTime(lang, token.revokedAt)}</span>
                        </>
                      ) : (
                        <span className="badge badge-active">{t("apiTokens.active")}</span>
                      )}
                    </td>
                    <td>
                      {token.revokedAt ? null : (
                        <Form
                          method="post"
                          onSubmit={(event) => {
                            if (!window.confirm(t("apiTokens.revokeConfirm", { name: token.name })))
                              event.preventDefault();
                          }}
                        >
                          <input type="hidden" name="apiTokenId" value={token.id} />
                          <SubmitButton
                            intent="revoke"
                            match={{ apiTokenId: token.id }}
                            busyLabel={t("apiTokens.revoking")}
                            className="button button-danger button-small"
                            aria-label={t("apiTokens.revokeLabel", { name: token.name })}
                          >
                            {t("apiTokens.revoke")}
                          </SubmitButton>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        )}
        <Pagination pageInfo={apiTokens.pageInfo} shown={tokens.length} total={apiTokens.totalCount} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
