import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PublicCard } from "~/components/public-card";
import { VisitTimesAnswer } from "~/components/visit-times-answer";
import { AnswerVisitTimesByLinkDocument, VisitTimesPageDocument } from "~/graphql/graphql";
import { formatDateTime, userErrorKey, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "visitTimes.title") },
  { name: "referrer", content: "no-referrer" },
];

/** The mailed answer link opens without log-in: the token is the key (docs/decisions/0066). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request, { requireLogin: false });
  const { visitTimesByLink: r } = await api.query(VisitTimesPageDocument, { token: params.token ?? "" });
  const code = r.userErrors[0]?.code;
  return {
    offer: r.visitTimeProposal ? r : null,
    refused: code ? userErrorKey(code) : null,
    now: new Date().toISOString(),
  };
}

type Answer = { error: MessageKey } | { bookedAt: string } | { otherTimesAsked: true };

export async function action({ request, params }: ActionFunctionArgs): Promise<Answer> {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const time = String(form.get("time") ?? "");
  if (intent === "accept" && !time) return { error: "visitTimes.chooseOne" };
  const { api } = await apiFor(request, { requireLogin: false });
  const { answerVisitTimes: r } = await api.mutate(AnswerVisitTimesByLinkDocument, {
    input:
      intent === "accept"
        ? { token: params.token ?? "", time }
        : { token: params.token ?? "", otherTimes: String(form.get("otherTimes") ?? "") },
  });
  const [userError] = r.userErrors;
  if (userError) return { error: userErrorKey(userError.code) };
  return r.serviceVisit ? { bookedAt: r.serviceVisit.scheduledAt } : { otherTimesAsked: true };
}

/** The customer's admin picks one of the proposed visit times, or asks for others, from the mail. */
export default function VisitTimesPage() {
  const t = useT();
  const lang = useLang();
  const { offer, refused, now } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer && "bookedAt" in answer)
    return (
      <PublicCard title={t("visitTimes.booked")}>
        <p role="status" data-testid="visit-booked">
          {t("visitTimes.bookedAt", { at: formatDateTime(lang, answer.bookedAt) })}
        </p>
      </PublicCard>
    );
  if (answer && "otherTimesAsked" in answer)
    return (
      <PublicCard title={t("visitTimes.asked")}>
        <p role="status">{t("visitTimes.askedText")}</p>
      </PublicCard>
    );
  if (!offer?.visitTimeProposal)
    return (
      <PublicCard title={t("visitTimes.title")}>
        <p className="alert alert-error" role="alert">
          {t(refused ?? "userError.LINK_INVALID")}
        </p>
      </PublicCard>
    );
  const proposal = offer.visitTimeProposal;
  return (
    <PublicCard title={t("visitTimes.title")}>
      <p>{t("visitTimes.intro", { location: offer.location ?? "", number: offer.agreementNumber ?? "" })}</p>
      {proposal.bookedAt ? (
        <p data-testid="offer-moves">{t("visitTimes.moves", { when: formatDateTime(lang, proposal.bookedAt) })}</p>
      ) : null}
      {proposal.note ? <p className="muted">{proposal.note}</p> : null}
      {answer && "error" in answer ? (
        <p className="alert alert-error" role="alert" id="visit-times-error">
          {t(answer.error)}
        </p>
      ) : null}
      <VisitTimesAnswer times={proposal.times} now={now} />
    </PublicCard>
  );
}
