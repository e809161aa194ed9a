import type { MaintenanceWindowRowFragment } from "~/graphql/graphql";
import { IntentButton, IntentForm, RowAction, SuccessNotice, useFormResult } from "~/components/intent-form";
import { formatDateTime, formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

export const MAINTENANCE_INTENTS = ["planMaintenance", "endMaintenance"] as const;
export type MaintenanceIntent = (typeof MAINTENANCE_INTENTS)[number];

const FIELDS = ["kind", "startsAt", "endsAt", "cronExpression", "durationMinutes", "reason", "checkId"] as const;

/**
 * Planned maintenance of one installation: the windows running or still to come, each with "Avsluta",
 * and (for support and the customer's admin) the form to plan one. Checks that go down inside a window
 * open no case; the form says so, because that is what a person planning one needs to know.
 */
export function MaintenanceSection({
  propertyId,
  windows,
  checks,
  canPlan,
  now,
}: {
  propertyId: string;
  windows: MaintenanceWindowRowFragment[];
  checks: { id: string; name: string }[];
  canPlan: boolean;
  now: string;
}) {
  const t = useT();
  const lang = useLang();
  const planned = useFormResult<MaintenanceIntent>("planMaintenance");
  return (
    <section className="section" aria-labelledby="maintenance-title" data-testid="maintenance">
      <h2 id="maintenance-title">{t("maintenance.title")}</h2>
      <p className="muted small">{t("maintenance.intro")}</p>
      <SuccessNotice intents={MAINTENANCE_INTENTS} />
      {windows.length === 0 ? (
        <p className="muted">{t("maintenance.none")}</p>
      ) : (
        <ul className="plain-list maintenance-list" data-testid="maintenance-windows">
          {windows.map((w) => (
            <li key={w.id} className="maintenance-window" data-active={w.occurrence?.active ? "true" : "false"}>
              <div>
                <span className={`badge ${w.occurrence?.active ? "badge-warning" : "badge-quiet"}`}>
                  {t(w.occurrence?.active ? "maintenance.active" : "maintenance.planned")}
                </span>{" "}
                {w.occurrence ? (
                  <span className="tabular">
                    {formatDateTime(lang, w.occurrence.startsAt)} – {formatDateTime(lang, w.occurrence.endsAt)}
                  </span>
                ) : null}
              </div>
              <div className="small">
                {w.reason}
                {" · "}
                {w.check ? w.check.name : t("maintenance.wholeInstallation")}
                {w.cronExpression
                  ? ` · ${t("maintenance.recurring", {
                      cron: w.cronExpression,
                      minutes: formatNumber(lang, Math.round((w.durationSeconds ?? 0) / 60)),
                    })}`
                  : null}
                {w.createdBy ? ` · ${t("maintenance.plannedBy", { name: w.createdBy.name })}` : null}
              </div>
              {canPlan ? (
                <RowAction
                  intent="endMaintenance"
                  target={w.id}
                  confirm={t("maintenance.endConfirm")}
                  busy={t("maintenance.ending")}
                >
                  {t("maintenance.end")}
                </RowAction>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canPlan ? (
        // Open again after a refusal, so the errors beside the fields are seen.
        <details className="maintenance-plan" open={planned && !planned.ok ? true : undefined}>
          <summary>{t("maintenance.plan")}</summary>
          <IntentForm
            intent="planMaintenance"
            fields={FIELDS}
            hidden={{ propertyId }}
            aria-label={t("maintenance.plan")}
            className="stack"
          >
            {(f) => (
              <>
                <fieldset>
                  <legend>{t("maintenance.kind")}</legend>
                  <label className="inline">
                    <input type="radio" name="kind" value="ONCE" defaultChecked={f.value("kind", "ONCE") === "ONCE"} />{" "}
                    {t("maintenance.once")}
                  </label>{" "}
                  <label className="inline">
                    <input
                      type="radio"
                      name="kind"
                      value="RECURRING"
                      defaultChecked={f.value("kind") === "RECURRING"}
                    />{" "}
                    {t("maintenance.recurringKind")}
                  </label>
                </fieldset>
                <label htmlFor={f.props("checkId").id}>{t("maintenance.what")}</label>
                <select {...f.props("checkId")} defaultValue={f.value("checkId", "")}>
                  <option value="">{t("maintenance.wholeInstallation")}</option>
                  {checks.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <label htmlFor={f.props("startsAt").id}>{t("maintenance.startsAt")}</label>
                <input type="datetime-local" {...f.props("startsAt")} defaultValue={f.value("startsAt", now)} />
                {f.error("startsAt")}
                <label htmlFor={f.props("endsAt").id}>{t("maintenance.endsAt")}</label>
                <input type="datetime-local" {...f.props("endsAt")} defaultValue={f.value("endsAt")} />
                <p className="muted small">{t("maintenance.endsAtHint")}</p>
                {f.error("endsAt")}
                <label htmlFor={f.props("cronExpression").id}>{t("maintenance.cron")}</label>
                <input
                  type="text"
                  {...f.props("cronExpression")}
                  placeholder="0 2 * * 0"
                  defaultValue={f.value("cronExpression")}
                />
                <p className="muted small">{t("maintenance.cronHint")}</p>
                {f.error("cronExpression")}
                <label htmlFor={f.props("durationMinutes").id}>{t("maintenance.duration")}</label>
                <input
                  type="number"
                  min={5}
                  max={1440}
                  inputMode="numeric"
                  {...f.props("durationMinutes")}
                  defaultValue={f.value("durationMinutes", "120")}
                />
                {f.error("durationMinutes")}
                <label htmlFor={f.props("reason").id}>{t("maintenance.reason")}</label>
                <input type="text" required maxLength={500} {...f.props("reason")} defaultValue={f.value("reason")} />
                {f.error("reason")}
                <div>
                  <IntentButton intent="planMaintenance" busy={t("maintenance.planning")} className="button">
                    {t("maintenance.planSubmit")}
                  </IntentButton>
                </div>
              </>
            )}
          </IntentForm>
        </details>
      ) : null}
    </section>
  );
}
