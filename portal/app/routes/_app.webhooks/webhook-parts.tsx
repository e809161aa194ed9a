import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/submit-button";
import type { WebhookDeliveriesQuery, WebhookEventType } from "~/graphql/graphql";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { StackedTable } from "~/components/stacked-table";

/** The events a partner can choose, in the order the form lists them (TEST is only sent by "Skicka testhändelse"). */
export const EVENT_TYPES: readonly WebhookEventType[] = [
  "AGREEMENT_STATUS_CHANGED",
  "CASE_ROUTED",
  "CASE_UPDATED",
  "VISIT_BOOKED",
  "VISIT_COMPLETED",
  "INCIDENT_OPENED",
  "INCIDENT_CLOSED",
];

export const eventKey = (type: WebhookEventType) => `webhooks.event.${type}` as MessageKey;

type Delivery = NonNullable<WebhookDeliveriesQuery["webhookDeliveries"]>[number];

/** The delivery log of one endpoint: newest first, the last attempt's answer, and "Skicka igen". */
export function DeliveryLog({ deliveries, disabled }: { deliveries: readonly Delivery[]; disabled: boolean }) {
  const t = useT();
  const lang = useLang();
  if (deliveries.length === 0) return <p className="muted">{t("webhooks.logEmpty")}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <StackedTable
        data-delivery-log
        caption={<caption className="visually-hidden">{t("webhooks.logCaption")}</caption>}
        columns={[t("webhooks.logEvent"), t("webhooks.logState"), t("webhooks.logAnswer"), t("webhooks.logActions")]}
      >
        <tbody>
          {deliveries.map((d) => {
            const last = d.attempts[0];
            return (
              <tr key={d.id} data-delivery-state={d.state}>
                <th scope="row">
                  {t(eventKey(d.eventType))}
                  <br />
                  <span className="muted">{formatDateTime(lang, d.occurredAt)}</span>
                </th>
                <td>
                  <span className={`badge ${d.state === "SUCCEEDED" ? "badge-active" : "badge-revoked"}`}>
                    {t(`webhooks.state.${d.state}` as MessageKey)}
                  </span>
                  <br />
                  <span className="muted">{t("webhooks.attempts", { count: d.attempts.length })}</span>
                  {d.nextAttemptAt ? (
                    <>
                      <br />
                      <span className="muted">
                        {t("webhooks.nextAttempt", { at: formatDateTime(lang, d.nextAttemptAt) })}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>
                  {!last ? (
                    <span className="muted">{t("webhooks.notYet")}</span>
                  ) : last.statusCode != null ? (
                    <details>
                      <summary>HTTP {last.statusCode}</summary>
                      <pre className="response-body">{last.responseBody || t("webhooks.emptyBody")}</pre>
                    </details>
                  ) : (
                    <span>{last.error}</span>
                  )}
                </td>
                <td>
                  {disabled ? null : (
                    <Form method="post">
                      <input type="hidden" name="deliveryId" value={d.id} />
                      <SubmitButton
                        intent="redeliver"
                        match={{ deliveryId: d.id }}
                        busyLabel={t("webhooks.sending")}
                        className="button button-small"
                      >
                        {t("webhooks.redeliver")}
                      </SubmitButton>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </StackedTable>
    </div>
  );
}
