import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState } from "~/components/list-controls";
import { ErrorPanel } from "~/components/error-panel";
import { NewSecret } from "~/components/new-secret";
import { SubmitButton } from "~/components/submit-button";
import {
  EnableWebhookEndpointDocument,
  RedeliverWebhookDocument,
  RegisterWebhookEndpointDocument,
  RemoveWebhookEndpointDocument,
  RotateWebhookSecretDocument,
  SendTestWebhookDocument,
  WebhookDeliveriesDocument,
  WebhooksDocument,
  type WebhookEventType,
} from "~/graphql/graphql";
import { formatDateTime, userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";
import { DeliveryLog, EVENT_TYPES, eventKey } from "./webhook-parts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "webhooks.title") }];

const URL_MAX = 2000;
const INTENTS = ["register", "rotate", "enable", "remove", "test", "redeliver"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  // The API decides who may (partner admins); others get FORBIDDEN → 403.
  const { webhookEndpoints } = await api.query(WebhooksDocument, {});
  const asked = new URL(request.url).searchParams.get("endpoint");
  const selected = webhookEndpoints.find((e) => e.id === asked) ?? webhookEndpoints[0] ?? null;
  const deliveries = selected
    ? ((await api.query(WebhookDeliveriesDocument, { endpointId: selected.id })).webhookDeliveries ?? [])
    : [];
  return { webhookEndpoints, selectedId: selected?.id ?? null, deliveries };
}

type ActionResult =
  | { intent: "register" | "rotate"; secret: { url: string; secret: string } }
  | { intent: "register"; error: MessageKey; url: string; eventTypes: string[] }
  | { intent: (typeof INTENTS)[number]; done: MessageKey }
  | { intent: (typeof INTENTS)[number]; error: MessageKey };

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult> {
  const form = await request.formData();
  const { api } = await apiFor(request);
  const intent = intentOf(form, INTENTS);
  const endpointId = String(form.get("endpointId") ?? "");
  const failed = (code: string | undefined) => ({ intent, error: userErrorKey(code ?? "UNKNOWN") });
  switch (intent) {
    case "register": {
      const url = String(form.get("url") ?? "").trim();
      const eventTypes = form.getAll("eventTypes").map(String);
      if (!url || url.length > URL_MAX) return { intent, error: "webhooks.urlMissing", url, eventTypes };
      if (eventTypes.length === 0) return { intent, error: "userError.NO_WEBHOOK_EVENTS", url, eventTypes };
      const description = String(form.get("description") ?? "").trim() || null;
      const { registerWebhookEndpoint: r } = await api.mutate(RegisterWebhookEndpointDocument, {
        input: { url, description, eventTypes: eventTypes as WebhookEventType[] },
      });
      if (!r.secret || !r.webhookEndpoint)
        return { intent, error: userErrorKey(r.userErrors[0]?.code ?? "UNKNOWN"), url, eventTypes };
      return { intent, secret: { url: r.webhookEndpoint.url, secret: r.secret } };
    }
    case "rotate": {
      const { rotateWebhookSecret: r } = await api.mutate(RotateWebhookSecretDocument, { input: { endpointId } });
      if (!r.secret || !r.webhookEndpoint) return failed(r.userErrors[0]?.code);
      return { intent, secret: { url: r.webhookEndpoint.url, secret: r.secret } };
    }
    case "enable": {
      const { enableWebhookEndpoint: r } = await api.mutate(EnableWebhookEndpointDocument, { input: { endpointId } });
      return r.webhookEndpoint ? { intent, done: "webhooks.enabled" } : failed(r.userErrors[0]?.code);
    }
    case "remove": {
      const { removeWebhookEndpoint: r } = await api.mutate(RemoveWebhookEndpointDocument, { input: { endpointId } });
      return r.webhookEndpoint ? { intent, done: "webhooks.removed" } : failed(r.userErrors[0]?.code);
    }
    case "test": {
      const { sendTestWebhook: r } = await api.mutate(SendTestWebhookDocument, { input: { endpointId } });
      return r.webhookDelivery ? { intent, done: "webhooks.testQueued" } : failed(r.userErrors[0]?.code);
    }
    case "redeliver": {
      const deliveryId = String(form.get("deliveryId") ?? "");
      const { redeliverWebhook: r } = await api.mutate(RedeliverWebhookDocument, { input: { deliveryId } });
      return r.webhookDelivery ? { intent, done: "webhooks.redeliverQueued" } : failed(r.userErrors[0]?.code);
    }
  }
}

function RegisterForm({ failed }: { failed?: { error: MessageKey; url: string; eventTypes: string[] } }) {
  const t = useT();
  const chosen = new Set(failed?.eventTypes ?? EVENT_TYPES);
  const eventsFault = failed?.error === "userError.NO_WEBHOOK_EVENTS";
  return (
    <Form method="post" className="webhook-form">
      <div className="field">
        <label htmlFor="webhook-url">{t("webhooks.url")}</label>
        <input
          id="webhook-url"
          name="url"
          type="url"
          inputMode="url"
          required
          maxLength={URL_MAX}
          placeholder="https://"
          defaultValue={failed?.url}
          aria-describedby={failed && !eventsFault ? "webhook-url-hint webhook-url-error" : "webhook-url-hint"}
          aria-invalid={failed && !eventsFault ? true : undefined}
        />
        <p id="webhook-url-hint" className="hint">
          {t("webhooks.urlHint")}
        </p>
        {failed && !eventsFault ? (
          <p id="webhook-url-error" className="field-error" role="alert">
            {t(failed.error)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="webhook-description">{t("webhooks.description")}</label>
        <input id="webhook-description" name="description" maxLength={200} />
      </div>
      <fieldset className="scope-choice" aria-invalid={eventsFault ? true : undefined}>
        <legend>{t("webhooks.events")}</legend>
        <ul className="scope-list">
          {EVENT_TYPES.map((type) => (
            <li key={type}>
              <label className="check">
                <input type="checkbox" name="eventTypes" value={type} defaultChecked={chosen.has(type)} />
                {t(eventKey(type))}
              </label>
            </li>
          ))}
        </ul>
        {eventsFault ? (
          <p className="field-error" role="alert">
            {t(failed.error)}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton intent="register" busyLabel={t("webhooks.registering")}>
        {t("webhooks.register")}
      </SubmitButton>
    </Form>
  );
}

/** One button that posts an intent about an endpoint. */
function EndpointButton(props: { intent: string; endpointId: string; label: string; busy: string; danger?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="endpointId" value={props.endpointId} />
      <SubmitButton
        intent={props.intent}
        match={{ endpointId: props.endpointId }}
        busyLabel={props.busy}
        className={`button button-small${props.danger ? " button-danger" : ""}`}
      >
        {props.label}
      </SubmitButton>
    </Form>
  );
}

export default function WebhooksPage() {
  const t = useT();
  const lang = useLang();
  const { webhookEndpoints, selectedId, deliveries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failedRegister = result?.intent === "register" && "url" in result ? result : undefined;
  const selected = webhookEndpoints.find((e) => e.id === selectedId);
  return (
    <>
      <div className="page-heading">
        <h1>{t("webhooks.title")}</h1>
        <p className="muted">{t("webhooks.intro")}</p>
      </div>
      {result && "secret" in result ? (
        <NewSecret
          heading={t("webhooks.secretHeading")}
          text={t("webhooks.secretText")}
          label={t("webhooks.secretLabel", { url: result.secret.url })}
          secret={result.secret.secret}
        />
      ) : null}
      {result && "done" in result ? (
        <p className="alert alert-info" role="status">
          {t(result.done)}
        </p>
      ) : null}
      {result && "error" in result && !failedRegister ? (
        <p className="alert alert-error" role="alert">
          {t(result.error)}
        </p>
      ) : null}

      <section className="section" aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">{t("webhooks.listHeading")}</h2>
        {webhookEndpoints.length === 0 ? (
          <EmptyState title={t("webhooks.empty")} hint={t("webhooks.emptyHint")} />
        ) : (
          <ul className="webhook-list">
            {webhookEndpoints.map((e) => (
              <li key={e.id} className="card" data-endpoint-url={e.url}>
                <h3 className="webhook-url">
                  <Link to={`?endpoint=${encodeURIComponent(e.id)}`} aria-current={e.id === selectedId || undefined}>
                    {e.url}
                  </Link>
                </h3>
                {e.description ? <p>{e.description}</p> : null}
                <p>
                  {e.disabledAt ? (
                    <span className="badge badge-revoked">
                      {t("webhooks.disabledOn", { date: formatDateTime(lang, e.disabledAt) })}
                    </span>
                  ) : e.failingSince ? (
                    <span className="badge badge-revoked">
                      {t("webhooks.failingSince", { date: formatDateTime(lang, e.failingSince) })}
                    </span>
                  ) : (
                    <span className="badge badge-active">{t("webhooks.active")}</span>
                  )}
                </p>
                <p className="muted">{e.eventTypes.map((type) => t(eventKey(type))).join(", ")}</p>
                <div className="webhook-actions">
                  {(
                    [
                      e.disabledAt ? ["enable", "webhooks.enable"] : ["test", "webhooks.sendTest"],
                      ["rotate", "webhooks.rotate"],
                      ["remove", "webhooks.remove"],
                    ] satisfies [string, MessageKey][]
                  ).map(([intent, label]) => (
                    <EndpointButton
                      key={intent}
                      intent={intent}
                      endpointId={e.id}
                      label={t(label)}
                      busy={t("webhooks.sending")}
                      danger={intent === "remove"}
                    />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {selected ? (
        <section className="section" aria-labelledby="log-title">
          <h2 id="log-title">{t("webhooks.logHeading", { url: selected.url })}</h2>
          <DeliveryLog deliveries={deliveries} disabled={!!selected.disabledAt} />
        </section>
      ) : null}

      <section className="card section" aria-labelledby="register-title">
        <h2 id="register-title">{t("webhooks.registerHeading")}</h2>
        <RegisterForm failed={failedRegister} key={result && "secret" in result ? result.secret.secret : "form"} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
