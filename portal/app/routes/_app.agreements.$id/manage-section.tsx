import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { IntentButton, IntentForm } from "~/components/intent-form";
import { RenewForm } from "./renew-form";
import type { SectionProps } from "./section-props";

/** Renewal (when not already offered in the banner) and termination, for sellers and admins. */
export function ManageSection({ agreement, today }: SectionProps) {
  const t = useT();
  const lang = useLang();
  // An expiring or expired agreement offers renewal in its banner; here only an active one does.
  const renewHere = agreement.status === "ACTIVE" && agreement.viewerCanRenew;
  const terminable = agreement.viewerCanTerminate;
  if (!renewHere && !terminable) return null;
  return (
    <section className="section" aria-labelledby="manage-title" id="manage">
      <h2 id="manage-title">{t(renewHere ? "agreement.manage" : "agreement.terminateHeading")}</h2>
      <div className="grid-2">
        {renewHere ? (
          <div className="card">
            <RenewForm agreement={agreement} today={today} />
          </div>
        ) : null}
        {terminable ? (
          <div className="card">
            <div className="subform">
              {renewHere ? <h3>{t("agreement.terminateHeading")}</h3> : null}
              <p className="hint">
                {t("agreement.terminateHint", {
                  start: formatDate(lang, agreement.startsOn),
                  end: formatDate(lang, agreement.endsOn),
                })}
              </p>
              <IntentForm
                intent="terminate"
                fields={["terminatesOn", "reason"]}
                hidden={{ expectedVersion: String(agreement.version) }}
                confirm={t("agreement.terminateConfirm", { number: agreement.number })}
                className="stack form-narrow"
              >
                {(f) => (
                  <>
                    <div className="field">
                      <label htmlFor={f.props("terminatesOn").id}>{t("agreement.terminatesOn")}</label>
                      <input
                        type="date"
                        required
                        {...f.props("terminatesOn")}
                        defaultValue={f.value("terminatesOn", today)}
                        min={agreement.startsOn}
                        max={agreement.endsOn}
                      />
                      {f.error("terminatesOn")}
                    </div>
                    <div className="field">
                      <label htmlFor={f.props("reason").id}>{t("agreement.reason")}</label>
                      <textarea
                        required
                        maxLength={1000}
                        rows={3}
                        {...f.props("reason")}
                        defaultValue={f.value("reason")}
                      />
                      {f.error("reason")}
                    </div>
                    <div>
                      <IntentButton
                        intent="terminate"
                        busy={t("agreement.terminating")}
                        className="button button-danger"
                      >
                        {t("agreement.terminate")}
                      </IntentButton>
                    </div>
                  </>
                )}
              </IntentForm>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
