import type { TailoringProgressFragment } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";

/** "3. Handlingsplan", or "Klart": the step a tailoring is at, numbered as the API numbers it. */
export function StepLabel({ tailoring }: { tailoring: TailoringProgressFragment }) {
  const t = useT();
  const step = tailoring.currentStep;
  if (step === "DONE") return <>{t("tailoring.step.DONE")}</>;
  const number = tailoring.steps.find((s) => s.step === step)?.number;
  return <>{`${number ?? "?"}. ${t(`tailoring.step.${step}`)}`}</>;
}
