import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import type { SectionProps } from "./section-props";

/**
 * Automatic renewal with a notice period: the seller sets it, and either side says no ("säg upp") before the notice
 * closes. The day it renews and the last day to say no come from the API, which judges them on the Swedish calendar.
 */
export function AutoRenewalSection({ agreement }: Pick<SectionProps, "agreement">) {
  const t = useT();
  const lang = useLang();
  const auto = agreement.autoRenewal;
  if (!auto && !agreement.viewerCanSetAutoRenewal) return null;
  return (
    <section className="section" aria-labelledby="auto-renewal-title" id="auto-renewal">
      <h2 id="auto-renewal-title">{t("autoRenewal.heading")}</h2>
      <div className="card stack">
        <SuccessNotice intents={["setAutoRenewal", "refuseAutoRenewal", "withdrawAutoRenewalRefusal"]} />
        {!auto ? <p>{t("autoRenewal.off")}</p> : null}
        {auto && !auto.refusedAt ? (
          <p data-testid="auto-renewal-state">
            {t("autoRenewal.on", {
              months: auto.noticeMonths,
              renewsOn: formatDate(lang, auto.renewsOn),
              lastDay: formatDate(lang, auto.lastDayToRefuse),
            })}
          </p>
        ) : null}
        {auto?.refusedAt ? (
          <p className="alert alert-warning" data-testid="auto-renewal-refused">
            {t("autoRenewal.refused", {
              name: auto.refusedBy?.name ?? "",
              date: formatDate(lang, auto.refusedAt.slice(0, 10)),
              end: formatDate(lang, agreement.endsOn),
            })}
            {auto.refusalReason ? ` ${t("autoRenewal.reason", { reason: auto.refusalReason })}` : ""}
          </p>
        ) : null}
        {auto?.viewerCanWithdrawRefusal ? (
          <IntentForm intent="withdrawAutoRenewalRefusal" className="stack form-narrow">
            {() => (
              <div>
                <p className="hint">
                  {t("autoRenewal.withdrawHint", { lastDay: formatDate(lang, auto.lastDayToRefuse) })}
                </p>
                <IntentButton
                  intent="withdrawAutoRenewalRefusal"
                  busy={t("autoRenewal.withdrawing")}
                  className="button button-secondary"
                >
                  {t("autoRenewal.withdraw")}
                </IntentButton>
              </div>
            )}
          </IntentForm>
        ) : null}
        {auto?.viewerCanRefuse ? (
          <IntentForm
            intent="refuseAutoRenewal"
            fields={["reason"]}
            confirm={t("autoRenewal.refuseConfirm", { number: agreement.number })}
            className="stack form-narrow"
          >
            {(f) => (
              <>
                <div className="field">
                  <label htmlFor={f.props("reason").id}>{t("autoRenewal.refuseReason")}</label>
                  <textarea maxLength={500} rows={2} {...f.props("reason")} defaultValue={f.value("reason")} />
                  {f.error("reason")}
                </div>
                <div>
                  <IntentButton intent="refuseAutoRenewal" busy={t("autoRenewal.refusing")} className="button">
                    {t("autoRenewal.refuse")}
                  </IntentButton>
                </div>
              </>
            )}
          </IntentForm>
        ) : null}
        {agreement.viewerCanSetAutoRenewal ? (
          <IntentForm intent="setAutoRenewal" fields={["noticeMonths"]} className="stack form-narrow">
            {(f) => (
              <>
                <div className="field">
                  <label htmlFor={f.props("noticeMonths").id}>{t("autoRenewal.noticeMonths")}</label>
                  <select
                    {...f.props("noticeMonths")}
                    defaultValue={f.value("noticeMonths", String(auto?.noticeMonths ?? 3))}
                  >
                    <option value="0">{t("autoRenewal.noAuto")}</option>
                    {[1, 2, 3, 4, 6, 9, 12].map((m) => (
                      <option key={m} value={m}>
                        {t("autoRenewal.months", { months: m })}
                      </option>
                    ))}
                  </select>
                  <p className="hint">{t("autoRenewal.setHint")}</p>
                  {f.error("noticeMonths")}
                </div>
                <div>
                  <IntentButton intent="setAutoRenewal" busy={t("autoRenewal.saving")} className="button">
                    {t("autoRenewal.save")}
                  </IntentButton>
                </div>
              </>
            )}
          </IntentForm>
        ) : null}
      </div>
    </section>
  );
}
