import type { StepState, TailoringStep } from "~/graphql/graphql";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { type PageTailoring } from "./types";

const STATE_KEYS: Record<StepState, MessageKey> = {
  DONE: "tailoring.state.DONE",
  CURRENT: "tailoring.state.CURRENT",
  TO_DO: "tailoring.state.TO_DO",
  TO_REDO: "tailoring.state.TO_REDO",
};

/**
 * Before anyone has asked, there is no tailoring for the API to give steps of: the page shows the
 * five by name, the first to do. Once it exists, `tailoring.steps` (order and numbers) is the API's.
 */
const NOT_STARTED: readonly Exclude<TailoringStep, "DONE">[] = [
  "CONTACT",
  "REVIEW",
  "ACTION_PLAN",
  "PRIORITISATION",
  "END_DATE",
];

/**
 * The five steps, each with its state and who finished it when. On an agreement that no longer
 * gives its benefits (terminated, expired, a draft) nothing can be done now, so no step is current.
 */
export function Stepper({ tailoring, agreementValid }: { tailoring: PageTailoring | null; agreementValid: boolean }) {
  const t = useT();
  const lang = useLang();
  const given =
    tailoring?.steps ??
    NOT_STARTED.map((step, index) => ({
      step,
      number: index + 1,
      state: (index === 0 ? "CURRENT" : "TO_DO") as StepState,
      doneAt: null,
      doneBy: null,
    }));
  const steps = agreementValid
    ? given
    : given.map((s) => (s.state === "CURRENT" ? { ...s, state: "TO_DO" as StepState } : s));
  return (
    <ol className="stepper" aria-label={t("tailoring.stepper.label")}>
      {steps.map((s) => (
        <li
          key={s.step}
          className={`stepper-step stepper-${s.state.toLowerCase().replace("_", "-")}`}
          aria-current={s.state === "CURRENT" ? "step" : undefined}
          data-step={s.step}
        >
          <span className="stepper-number" aria-hidden="true">
            {s.state === "DONE" ? "✓" : s.number}
          </span>
          <span className="stepper-text">
            <span className="stepper-title">
              <span className="visually-hidden">{t("tailoring.stepper.stepNumber", { n: s.number })} </span>
              {t(`tailoring.step.${s.step}`)}
            </span>
            <span className="stepper-state">{t(STATE_KEYS[s.state])}</span>
            {s.state === "DONE" && s.doneAt ? (
              <span className="stepper-who">
                {s.doneBy
                  ? t("tailoring.stepper.doneBy", { name: s.doneBy.name, date: formatDateTime(lang, s.doneAt) })
                  : formatDateTime(lang, s.doneAt)}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
