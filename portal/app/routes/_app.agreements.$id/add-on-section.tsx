import { HOSTED_SERVICES } from "~/lib/enums";
import { formatDate, type Translate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

import { IntentForm, ResultErrors, RowAction, SuccessNotice, useFormResult } from "~/components/intent-form";
import { formatMoney } from "~/lib/money";
import { OrderConfirmation, useQuoted } from "./order-confirmation";
import { PriceListLine, QuoteStep } from "./price-fields";
import { MonitoringStatus } from "./monitoring-status";
import { ReadOnlyNote } from "./read-only-note";
import type { SectionProps } from "./section-props";

export function AddOnSection({ agreement, priceList }: SectionProps) {
  const t = useT();
  const lang = useLang();
  const canEdit = agreement.viewerCanOrderAddOns;
  const canCancel = agreement.viewerCanCancelAddOns;
  const hostingQuoted = useQuoted("quoteHosting");
  const monitoringQuoted = useQuoted("quoteMonitoring");
  const hostingOrdered = useFormResult("orderHosting");
  const monitoringOrdered = useFormResult("orderMonitoring");
  const running = (kind: "HOSTING" | "MONITORING") =>
    agreement.addOns.some((addOn) => addOn.kind === kind && addOn.active);
  return (
    <section className="section" aria-labelledby="addons-title" id="addons">
      <h2 id="addons-title">{t("agreement.addOns")}</h2>
      <div className="card">
        <SuccessNotice intents={["orderHosting", "orderMonitoring", "cancelAddOn"]} />
        {agreement.addOns.length === 0 ? (
          <p className="muted">{t("agreement.noAddOns")}</p>
        ) : (
          <ul className="addon-list">
            {agreement.addOns.map((addOn) => (
              <li key={addOn.id} className="addon" data-addon={addOn.kind}>
                <div>
                  <p className="addon-title">
                    {t(`addOnKind.${addOn.kind}`)}{" "}
                    {addOn.active ? (
                      <span className="badge badge-active">{t("agreement.addOnActive")}</span>
                    ) : !addOn.endedOn && !addOn.endsOn && isValidStatus(agreement.status) ? (
                      <span className="badge badge-active">
                        {t("agreement.addOnStarts", { date: formatDate(lang, addOn.startsOn) })}
                      </span>
                    ) : (
                      <span className="badge badge-revoked">
                        {t("agreement.addOnEnded", { date: addOn.endedOn ? formatDate(lang, addOn.endedOn) : "" })}
                      </span>
                    )}
                  </p>
                  {addOn.kind === "MONITORING" && addOn.active ? (
                    <MonitoringStatus checks={agreement.monitoringChecks} />
                  ) : null}
                  {addOn.hostedServices.length > 0 ? (
                    <p className="small">
                      {t("agreement.hostedServices")}:{" "}
                      {addOn.hostedServices.map((service) => t(`hostedService.${service}`)).join(", ")}
                    </p>
                  ) : null}
                  <p className="muted small">
                    {addOn.monthlyPrice
                      ? `${t("order.perMonth", { amount: formatMoney(lang, addOn.monthlyPrice) })}${addOn.priceReason ? ` (${addOn.priceReason})` : ""} · `
                      : null}
                    {t("agreement.since", { date: formatDate(lang, addOn.startsOn) })}
                    {addOn.endReason
                      ? ` · ${endReasonText(t, addOn.endReason, addOn.endsOn ? formatDate(lang, addOn.endsOn) : "")}`
                      : null}
                  </p>
                </div>
                {canCancel && addOn.active ? (
                  <RowAction
                    intent="cancelAddOn"
                    target={addOn.id}
                    confirm={t("agreement.cancelAddOnConfirm", { kind: t(`addOnKind.${addOn.kind}`) })}
                    busy={t("agreement.cancellingAddOn")}
                  >
                    {t("agreement.cancelAddOn")}
                  </RowAction>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <div className="grid-2 subform">
            {running("HOSTING") ? null : (
              <div>
                <h3>{t("agreement.orderHosting")}</h3>
                <p className="hint">{t("agreement.hostingHint")}</p>
                <p className="hint">
                  <PriceListLine priceList={priceList} items={["HOSTING"]} />
                </p>
                <ResultErrors result={hostingOrdered} />
                {hostingQuoted ? (
                  <OrderConfirmation intent="quoteHosting" anchor="addons" />
                ) : (
                  <IntentForm intent="quoteHosting" fields={["hostedServices", "agreedPrice", "priceReason"]}>
                    {(f) => (
                      <>
                        <fieldset className="checks" aria-describedby={f.props("hostedServices")["aria-describedby"]}>
                          <legend>{t("agreement.hostedServices")}</legend>
                          {HOSTED_SERVICES.map((service) => (
                            <label key={service} className="check">
                              <input
                                type="checkbox"
                                name="hostedServices"
                                value={service}
                                defaultChecked={f.value("hostedServices")?.split(",").includes(service)}
                              />
                              {t(`hostedService.${service}`)}
                            </label>
                          ))}
                        </fieldset>
                        {f.error("hostedServices")}
                        <QuoteStep f={f} intent="quoteHosting" agreePrices={agreement.viewerCanAgreePrices} />
                      </>
                    )}
                  </IntentForm>
                )}
              </div>
            )}
            {running("MONITORING") ? null : (
              <div>
                <h3>{t("agreement.orderMonitoring")}</h3>
                <p className="hint">{t("agreement.monitoringOrderHint")}</p>
                <p className="hint">
                  <PriceListLine priceList={priceList} items={["MONITORING"]} />
                </p>
                <ResultErrors result={monitoringOrdered} />
                {monitoringQuoted ? (
                  <OrderConfirmation intent="quoteMonitoring" anchor="addons" />
                ) : (
                  <IntentForm intent="quoteMonitoring" fields={["agreedPrice", "priceReason"]}>
                    {(f) => <QuoteStep f={f} intent="quoteMonitoring" agreePrices={agreement.viewerCanAgreePrices} />}
                  </IntentForm>
                )}
              </div>
            )}
          </div>
        ) : (
          <ReadOnlyNote />
        )}
      </div>
    </section>
  );
}

/** Hosting and monitoring run only on a valid agreement; a carried add-on on one starts later. */
const isValidStatus = (status: string) => status === "ACTIVE" || status === "EXPIRING";

function endReasonText(t: Translate, reason: string, endsOn: string): string {
  switch (reason) {
    case "NOT_RENEWED":
      return t("addOnEnd.NOT_RENEWED", { date: endsOn });
    case "CARRIED":
      return t("addOnEnd.CARRIED", { date: endsOn });
    case "CANCELLED":
      return t("addOnEnd.CANCELLED");
    case "AGREEMENT_TERMINATED":
      return t("addOnEnd.AGREEMENT_TERMINATED");
    case "AGREEMENT_EXPIRED":
      return t("addOnEnd.AGREEMENT_EXPIRED");
    default:
      return reason;
  }
}
