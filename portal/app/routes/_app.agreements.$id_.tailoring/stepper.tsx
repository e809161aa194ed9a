import type { StepState } from "~/graphql/graphql";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { TAILORING_STEPS, stepNumber } from "~/lib/tailoring";
import { type PageTailoring } from "./types";

const STATE_KEYS: Record<StepState, MessageKey> = {
  DONE: "tailoring.state.DONE",
  CURRENT: "tailoring.state.CURRENT",
  TO_DO: "tailoring.state.TO_DO",
  TO_REDO: "tailoring.state.TO_REDO",
};

/** The five steps, each with its state and who finished it when. */
export function Stepper({ tailoring }: { tailoring: PageTailoring | null }) {
  const t = useT();
  const lang = useLang();
  const steps =
    tailoring?.steps ??
    TAILORING_STEPS.map((step) => ({ step, state: (step === "CONTACT" ? "CURRENT" : "TO_DO") as StepState, doneAt: null, doneBy: null }));
  return (
    <ol className="stepper" aria-label={t("tailoring.stepper.label")}>
      {steps.map((s) => (
        <li key={s.step} className={`stepper-step stepper-${s.state.toLowerCase().replace("_", "-")}`} aria-current={s.state === "CURRENT" ? "step" : undefined} data-step={s.step}>
          <span className="stepper-number" aria-hidden="true">
            {s.state === "DONE" ? "✓" : stepNumber(s.step)}
          </span>
          <span className="stepper-text">
            <span className="stepper-title">
              <span className="visually-hidden">{t("tailoring.stepper.stepNumber", { n: stepNumber(s.step) })} </span>
              {t(`tailoring.step.${s.step}`)}
            </span>
            <span className="stepper-state">{t(STATE_KEYS[s.state])}</span>
            {s.state === "DONE" && s.doneAt ? (
              <span className="stepper-who">
                {s.doneBy ? t("tailoring.stepper.doneBy", { name: s.doneBy.name, date: formatDateTime(lang, s.doneAt) }) : formatDateTime(lang, s.doneAt)}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
