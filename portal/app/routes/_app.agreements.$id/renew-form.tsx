import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { addYear, nextDay } from "~/lib/dates";
import { IntentButton, IntentForm } from "~/components/intent-form";
import type { SectionProps } from "./section-props";

export function RenewForm({ agreement }: Pick<SectionProps, "agreement" | "today">) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="subform" id="renew">
      <h3>{t("agreement.renewHeading")}</h3>
      <p className="hint">{t("agreement.renewHint", { start: formatDate(lang, nextDay(agreement.endsOn)) })}</p>
      <IntentForm
        intent="renew"
        fields={["endsOn", "carryOverRentals"]}
        hidden={{ expectedVersion: String(agreement.version) }}
        className="inline-form"
      >
        {(f) => (
          <>
            <div className="field">
              <label htmlFor={f.props("endsOn").id}>{t("agreement.newEnd")}</label>
              <input
                type="date"
                required
                {...f.props("endsOn")}
                defaultValue={f.value("endsOn", addYear(agreement.endsOn))}
                min={nextDay(agreement.endsOn)}
              />
              {f.error("endsOn")}
            </div>
            <div className="field field-check">
              <label className="check">
                <input
                  type="checkbox"
                  {...f.props("carryOverRentals")}
                  defaultChecked={
                    f.failed ? f.value("carryOverRentals") === "on" : agreement.licenceRentals.some((r) => r.active)
                  }
                />
                {t("agreement.carryOver")}
              </label>
              {f.error("carryOverRentals")}
            </div>
            <IntentButton intent="renew" busy={t("agreement.renewing")}>
              {t("agreement.renew")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </div>
  );
}
