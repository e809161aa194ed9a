import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/submit-button";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/lib/dates";
import type { TailoringResult } from "./intents";
import { ResultErrors } from "~/components/intent-form";
import { resultFor, typed } from "~/lib/form-result";
import type { PageAgreement, PagePlan, PageTailoring } from "./types";

/** Step 5: one party proposes an end date, the other agrees it. */
export function EndDateSection({
  agreement,
  tailoring,
  plan,
  result,
  action,
}: {
  agreement: PageAgreement;
  tailoring: PageTailoring;
  plan: PagePlan;
  result: TailoringResult | undefined;
  action: string;
}) {
  const t = useT();
  const lang = useLang();
  const own = resultFor(result, "endDate");
  const party = tailoring.viewerParty;
  const canAct = tailoring.viewerCanEditPlan && party != null;
  const agreementEnd =
    agreement.terminatedOn && agreement.terminatedOn < agreement.endsOn ? agreement.terminatedOn : agreement.endsOn;
  const mine = party === "VENDOR" ? plan.vendorAgreedBy : plan.customerAgreedBy;
  return (
    <section className="card section" aria-labelledby="end-date-title">
      <h2 id="end-date-title">{t("tailoring.endDate.heading")}</h2>
      <p className="muted">
        {t("tailoring.endDate.intro", { from: formatDay(lang, agreement.startsOn), to: formatDay(lang, agreementEnd) })}
      </p>
      {plan.proposedEndOn ? (
        <div className="proposal" data-testid="end-date-proposal">
          <p className="proposal-date">
            {t("tailoring.endDate.proposed", { date: formatDay(lang, plan.proposedEndOn) })}
          </p>
          <ul className="agreed-list">
            <li>
              {t("tailoring.endDate.vendorSide")}:{" "}
              {plan.vendorAgreedBy ? (
                <strong>✓ {plan.vendorAgreedBy.name}</strong>
              ) : (
                <span className="muted">{t("tailoring.endDate.notYet")}</span>
              )}
            </li>
            <li>
              {t("tailoring.endDate.customerSide")}:{" "}
              {plan.customerAgreedBy ? (
                <strong>✓ {plan.customerAgreedBy.name}</strong>
              ) : (
                <span className="muted">{t("tailoring.endDate.notYet")}</span>
              )}
            </li>
          </ul>
          {canAct && !mine ? (
            <Form method="post" action={action}>
              <input type="hidden" name="actionPlanId" value={plan.id} />
              <input type="hidden" name="endOn" value={plan.proposedEndOn} />
              <SubmitButton
                intent="endDate"
                match={{ endOn: plan.proposedEndOn }}
                busyLabel={t("tailoring.endDate.agreeing")}
              >
                {t("tailoring.endDate.agree", { date: formatDay(lang, plan.proposedEndOn) })}
              </SubmitButton>
            </Form>
          ) : null}
          {canAct && mine ? <p className="muted small">{t("tailoring.endDate.waitingOther")}</p> : null}
        </div>
      ) : (
        <p className="empty-inline">{t("tailoring.endDate.none")}</p>
      )}
      {canAct ? (
        <Form method="post" action={action} className="inline-form" key={own?.ok ? own.nonce : "end-date"}>
          <ResultErrors result={own} />
          <input type="hidden" name="actionPlanId" value={plan.id} />
          <div className="field">
            <label htmlFor="endOn">
              {plan.proposedEndOn ? t("tailoring.endDate.otherDate") : t("tailoring.endDate.date")}
            </label>
            <input
              id="endOn"
              name="endOn"
              type="date"
              required
              min={agreement.startsOn}
              max={agreementEnd}
              defaultValue={typed(own, "endOn")}
            />
          </div>
          <SubmitButton
            intent="endDate"
            busyLabel={t("tailoring.endDate.proposing")}
            className={plan.proposedEndOn ? "button button-secondary" : "button"}
          >
            {t("tailoring.endDate.propose")}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
