import { Link } from "@remix-run/react";
import type { OfferedVisitTimesFragment } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { VisitTimesAnswer } from "./visit-times-answer";

export const visitTimeProposalPath = (id: string) => `/visit-time-proposals/${encodeURIComponent(id)}`;

/**
 * One open proposal of visit times, where the customer's admin answers it without the mail: the
 * answer goes to the proposal's page, which books (or asks) and says what happened. Others of the
 * customer see the times and that their admin answers.
 */
export function OfferedVisitTimes({
  proposal,
  now,
  mayAnswer,
  heading = "h3",
}: {
  proposal: OfferedVisitTimesFragment;
  now: string;
  mayAnswer: boolean;
  heading?: "h2" | "h3";
}) {
  const t = useT();
  const lang = useLang();
  const Heading = heading;
  return (
    <article className="visit-offer" data-testid="offered-visit-times" aria-labelledby={`offer-${proposal.id}`}>
      <Heading id={`offer-${proposal.id}`}>{t("offeredVisit.title", { property: proposal.property.name })}</Heading>
      <p className="muted small">
        {t("offeredVisit.facts", { agreement: proposal.agreement.number, technician: proposal.technician.name })}
      </p>
      {proposal.bookedAt ? (
        <p data-testid="offer-moves">{t("visitTimes.moves", { when: formatDateTime(lang, proposal.bookedAt) })}</p>
      ) : null}
      {proposal.note ? <p className="muted">{proposal.note}</p> : null}
      {mayAnswer ? (
        <VisitTimesAnswer
          times={proposal.times}
          now={now}
          action={visitTimeProposalPath(proposal.id)}
          idPrefix={`offer-${proposal.id}`}
        />
      ) : (
        <>
          <ul className="link-list">
            {proposal.times.map((time) => (
              <li key={time}>{formatDateTime(lang, time)}</li>
            ))}
          </ul>
          <p className="muted small">{t("offeredVisit.adminAnswers")}</p>
        </>
      )}
    </article>
  );
}

/** The open proposals of a page (dashboard, agreement), or nothing when none waits. */
export function OfferedVisitTimesList({
  proposals,
  now,
  mayAnswer,
}: {
  proposals: readonly OfferedVisitTimesFragment[];
  now: string;
  mayAnswer: boolean;
}) {
  const t = useT();
  if (proposals.length === 0) return null;
  return (
    <section className="section" aria-labelledby="offered-visits-title" data-testid="offered-visits">
      <h2 id="offered-visits-title">{t("offeredVisit.heading")}</h2>
      <p>{t(mayAnswer ? "offeredVisit.intro" : "offeredVisit.introMember")}</p>
      <div className="visit-offers">
        {proposals.map((p) => (
          <OfferedVisitTimes key={p.id} proposal={p} now={now} mayAnswer={mayAnswer} />
        ))}
      </div>
      <p className="muted small">
        <Link to="/visits">{t("offeredVisit.allVisits")}</Link>
      </p>
    </section>
  );
}
