import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/submit-button";
import type { TailoringStep } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import type { TailoringResult } from "./intents";
import { resultFor, typed } from "~/lib/form-result";
import { type PageTailoring } from "./types";
import { ResultErrors } from "~/components/intent-form";

/** A seller takes a finished step up again, with a reason; later steps are then done again. */
export function ReopenSection({
  tailoring,
  result,
}: {
  tailoring: PageTailoring;
  result: TailoringResult | undefined;
}) {
  const t = useT();
  const own = resultFor(result, "reopen");
  // DONE comes after every step; the order is the API's.
  const current = tailoring.steps.find((s) => s.step === tailoring.currentStep)?.number ?? Number.POSITIVE_INFINITY;
  const finished = tailoring.steps.filter((s) => s.step !== "CONTACT" && s.number < current && s.state !== "TO_DO");
  if (finished.length === 0) return null;
  return (
    <section className="card section" aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t("tailoring.reopen.heading")}</h2>
      <p className="muted">{t("tailoring.reopen.intro")}</p>
      {/* Remount when the steps change, so the step select starts at a step that is still finished. */}
      <Form method="post" className="stack" key={`${own?.ok ? own.nonce : "reopen"}-${tailoring.version}`}>
        <ResultErrors result={own} />
        <input type="hidden" name="tailoringId" value={tailoring.id} />
        <div className="form-row">
          <div className="field">
            <label htmlFor="reopen-step">{t("tailoring.reopen.step")}</label>
            <select
              id="reopen-step"
              name="step"
              defaultValue={typed(own, "step") ?? finished[finished.length - 1]?.step}
            >
              {finished.map((s) => (
                <option key={s.step} value={s.step}>
                  {s.number}. {t(`tailoring.step.${s.step as Exclude<TailoringStep, "DONE">}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor="reopen-reason">{t("tailoring.reopen.reason")}</label>
            <textarea
              id="reopen-reason"
              name="reason"
              rows={2}
              required
              maxLength={2000}
              defaultValue={typed(own, "reason")}
            />
          </div>
        </div>
        <div>
          <SubmitButton intent="reopen" busyLabel={t("tailoring.reopen.sending")} className="button button-secondary">
            {t("tailoring.reopen.submit")}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
