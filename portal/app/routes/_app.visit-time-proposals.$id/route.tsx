import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, redirect, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { OfferedVisitTimes, visitTimeProposalPath } from "~/components/offered-visit-times";
import { AnswerVisitTimesInPortalDocument, VisitTimeProposalPageDocument } from "~/graphql/graphql";
import { userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { intentOf } from "~/lib/intent.server";
import { VISIT_TIME_ANSWERERS, isOneOf } from "@trygg/roles";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "visitTimes.title") }];

/** A proposal of visit times, as the customer's pages offer it; another customer's answers 404 as a missing one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const data = await api.query(VisitTimeProposalPageDocument, {});
  const proposal = data.visitTimeProposals.find((p) => p.id === params.id);
  if (!proposal) throw new Response("Not found", { status: 404 });
  const mayAnswer = isOneOf(data.viewer?.user.role, VISIT_TIME_ANSWERERS);
  return { proposal, mayAnswer, now: new Date().toISOString() };
}

/**
 * The portal's answer, by the same mutation and rule as the mail's link (decision 0079): a chosen time
 * leads to the booked visit; asking for other times comes back here, where the proposal says so.
 */
export async function action({ request, params }: ActionFunctionArgs): Promise<{ error: MessageKey }> {
  const form = await request.formData();
  const intent = intentOf(form, ["accept", "other"]);
  const time = String(form.get("time") ?? "");
  const otherTimes = String(form.get("otherTimes") ?? "").trim();
  if (intent === "accept" && !time) return { error: "visitTimes.chooseOne" };
  if (intent === "other" && !otherTimes) return { error: "visitTimes.writeOther" };
  const proposalId = params.id ?? "";
  const { api } = await apiFor(request);
  const { answerVisitTimes: r } = await api.mutate(AnswerVisitTimesInPortalDocument, {
    input: intent === "accept" ? { proposalId, time } : { proposalId, otherTimes },
  });
  const [userError] = r.userErrors;
  if (userError) return { error: userErrorKey(userError.code) };
  throw redirect(
    r.serviceVisit ? `/visits/${encodeURIComponent(r.serviceVisit.id)}?booked=1` : visitTimeProposalPath(proposalId),
  );
}

/** The customer's admin answers proposed times in the portal; once answered, the page says how. */
export default function VisitTimeProposalPage() {
  const t = useT();
  const { proposal, mayAnswer, now } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/agreements/${encodeURIComponent(proposal.agreement.id)}#visits`}>
          ← {proposal.agreement.number}
        </Link>
      </p>
      <div className="page-heading">
        <h1>{t("visitTimes.title")}</h1>
      </div>
      {answer ? (
        <p className="alert alert-error" role="alert" data-testid="visit-times-error">
          {t(answer.error)}
        </p>
      ) : null}
      {proposal.status === "OPEN" ? (
        <div style={{ maxWidth: 560 }}>
          <OfferedVisitTimes proposal={proposal} now={now} mayAnswer={mayAnswer} heading="h2" />
        </div>
      ) : (
        <p className="alert alert-info" role="status" data-testid="proposal-status">
          {t(`offeredVisit.status.${proposal.status}`, { note: proposal.answerNote ?? "" })}
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
