import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useRouteError,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { TailoringPageDocument } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { redirectToLogin } from "~/lib/session.server";
import { todayInSweden } from "~/lib/dates";
import { runTailoringIntent } from "./action.server";
import type { TailoringResult } from "./intents";
import { DoneSummary } from "./done-summary";
import { EndDateSection } from "./end-date-section";
import { HistorySection } from "./history-section";
import { PlanEditor } from "./plan-editor";
import { PlanTable } from "./plan-table";
import { PriorityList } from "./priority-list";
import { PriorityStatus } from "./priority-status";
import { ReopenSection } from "./reopen-section";
import { RequestNote, RequestSection } from "./request-section";
import { ReviewForm } from "./review-form";
import { ReviewSummary } from "./review-summary";
import { Stepper } from "./stepper";
import { WaitingNote } from "./waiting-note";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const title = pageTitle(matches, "tailoring.title");
  return [{ title: data ? `${data.agreement.number} · ${title}` : title }];
};

/** Another tenant's agreement answers exactly like a missing one: 404. */
function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const data = await api.query(TailoringPageDocument, { id: params.id ?? "" });
  if (!data.viewer) return redirectToLogin(session);
  if (!data.agreement) return notFound();
  return { agreement: data.agreement, today: todayInSweden() };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<TailoringResult> {
  const form = await request.formData();
  const { api } = await apiFor(request);
  return runTailoringIntent(api, params.id ?? "", form);
}

/**
 * After a lost race (STALE_VERSION) the page keeps what it shows — the user's own order — and says
 * so with a reload link, instead of quietly swapping in someone else's order under their hands.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => {
  if (
    typeof actionResult === "object" &&
    actionResult !== null &&
    "conflict" in actionResult &&
    actionResult.conflict === true
  )
    return false;
  return defaultShouldRevalidate;
};

/** Forms that keep the scroll position say "done" beside themselves instead of at the top. */
const LOCAL_MESSAGES: readonly TailoringResult["intent"][] = ["addItem", "status"];

export default function TailoringPage() {
  const t = useT();
  const location = useLocation();
  const { agreement, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The action's answer arrives before the page's fresh data; say "done" only once both are in.
  const settled = useNavigation().state === "idle";
  const tailoring = agreement.tailoring;
  const plan = tailoring?.actionPlan ?? null;
  const review = tailoring?.systemReview ?? null;
  const step = tailoring?.currentStep;
  const agreementValid = agreement.status === "ACTIVE" || agreement.status === "EXPIRING";
  const canPlan = tailoring?.viewerCanEditPlan ?? false;
  const props = { agreement, today, result };
  // Forms post to the page itself without ?edit= or ?finding=, so those close after saving.
  const here = location.pathname;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/agreements/${agreement.id}`}>← {t("tailoring.backToAgreement", { number: agreement.number })}</Link>
      </p>
      <div className="page-heading page-heading-actions">
        <div>
          <h1>{t("tailoring.heading")}</h1>
          <p className="muted">
            {agreement.number} · {agreement.customer.name} · {agreement.tier.name}
            {agreement.seller ? ` · ${t("tailoring.sellerIs", { name: agreement.seller.name })}` : ""}
          </p>
        </div>
        {plan && plan.items.length > 0 ? (
          <Link to={`/agreements/${agreement.id}/tailoring/print`} className="button button-secondary">
            {t("tailoring.print.link")}
          </Link>
        ) : null}
      </div>

      {settled && result?.ok && result.done && !LOCAL_MESSAGES.includes(result.intent) ? (
        <p className="alert alert-success" role="status">
          {t(result.done, { subject: result.subject ?? "" })}
        </p>
      ) : null}

      {/* An agreement no longer (or not yet) in force without a tailoring: nothing was begun and nothing can be. */}
      {tailoring || agreementValid ? <Stepper tailoring={tailoring} agreementValid={agreementValid} /> : null}
      {tailoring ? <WaitingNote tailoring={tailoring} agreement={agreement} /> : null}

      {!tailoring ? <RequestSection {...props} /> : null}

      {tailoring && step === "REVIEW" ? (
        <section className="card section" aria-labelledby="step-review-title">
          <h2 id="step-review-title">{t("tailoring.review.stepHeading")}</h2>
          <RequestNote tailoring={tailoring} />
          {tailoring.viewerCanReview ? (
            <ReviewForm tailoring={tailoring} today={today} result={result} />
          ) : (
            <p className="alert alert-info">
              {t("tailoring.readOnly.review", { name: agreement.seller?.name ?? t("tailoring.party.VENDOR") })}
            </p>
          )}
        </section>
      ) : null}

      {tailoring && step === "ACTION_PLAN" && review ? (
        <ReviewSummary review={review} canCreateItems={canPlan} />
      ) : null}
      {plan && step === "ACTION_PLAN" ? (
        canPlan ? (
          <>
            <PlanEditor plan={plan} review={review} result={result} action={here} />
            {plan.items.length > 0 ? (
              <PriorityList key={plan.version} plan={plan} tailoring={tailoring!} result={result} action={here} />
            ) : null}
          </>
        ) : (
          <section className="section" aria-labelledby="plan-read-title">
            <h2 id="plan-read-title">{t("tailoring.plan.heading")}</h2>
            <p className="alert alert-info">{t("tailoring.readOnly.plan")}</p>
            {plan.items.length > 0 ? (
              <PlanTable plan={plan} canEdit={canPlan} done={false} result={result} action={here} />
            ) : (
              <p className="empty-inline">{t("tailoring.plan.empty")}</p>
            )}
          </section>
        )
      ) : null}

      {plan && step === "PRIORITISATION" ? (
        canPlan ? (
          <PriorityList key={plan.version} plan={plan} tailoring={tailoring!} result={result} action={here} />
        ) : (
          <section className="section" aria-labelledby="plan-read-title">
            <h2 id="plan-read-title">{t("tailoring.priority.heading")}</h2>
            <p className="alert alert-info">{t("tailoring.readOnly.priority")}</p>
            <PlanTable plan={plan} canEdit={canPlan} done={false} result={result} action={here} />
            <PriorityStatus plan={plan} />
          </section>
        )
      ) : null}

      {plan && step === "END_DATE" ? (
        <EndDateSection agreement={agreement} tailoring={tailoring!} plan={plan} result={result} action={here} />
      ) : null}
      {plan && step === "DONE" ? <DoneSummary agreement={agreement} plan={plan} /> : null}

      {plan && (step === "END_DATE" || step === "DONE") ? (
        <section className="section" aria-labelledby="agreed-plan-title">
          <h2 id="agreed-plan-title">{t("tailoring.plan.agreedHeading")}</h2>
          <PriorityStatus plan={plan} />
          <PlanTable plan={plan} canEdit={canPlan} done={step === "DONE"} result={result} action={here} />
        </section>
      ) : null}

      {tailoring && step !== "REVIEW" && step !== "ACTION_PLAN" && review ? (
        <ReviewSummary review={review} canCreateItems={false} />
      ) : null}

      {tailoring?.viewerCanReview ? <ReopenSection tailoring={tailoring} result={result} /> : null}
      {tailoring ? <HistorySection tailoring={tailoring} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
