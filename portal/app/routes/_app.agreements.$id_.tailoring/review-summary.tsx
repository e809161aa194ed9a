import { Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/lib/dates";
import { type PageReview } from "./types";

/** Step 2's outcome: what was reviewed and found; a finding can become an action item. */
export function ReviewSummary({ review, canCreateItems }: { review: PageReview; canCreateItems: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card section" aria-labelledby="review-title">
      <h2 id="review-title">{t("tailoring.review.heading")}</h2>
      <dl className="facts">
        <dt>{t("tailoring.review.meetingOn")}</dt>
        <dd>{formatDay(lang, review.meetingOn)}</dd>
        <dt>{t("tailoring.review.attendees")}</dt>
        <dd>{review.attendees.join(", ")}</dd>
        {review.recordedBy ? (
          <>
            <dt>{t("tailoring.review.recordedBy")}</dt>
            <dd>
              {t("tailoring.whoWhen", { name: review.recordedBy.name, date: formatDateTime(lang, review.recordedAt) })}
            </dd>
          </>
        ) : null}
      </dl>
      <h3 className="subheading">{t("tailoring.review.findings")}</h3>
      {review.findings.length === 0 ? (
        <p className="muted">{t("tailoring.review.noFindings")}</p>
      ) : (
        <ul className="findings">
          {review.findings.map((f, index) => (
            <li key={`${f.area}-${index}`} className="finding">
              <span className="badge badge-area">{t(`tailoring.area.${f.area}`)}</span>
              <span className="finding-text">{f.finding}</span>
              {canCreateItems ? (
                <Link
                  to={`?finding=${index}#add-item`}
                  className="button button-secondary button-small"
                  aria-label={t("tailoring.review.createFromFindingLabel", { finding: f.finding })}
                >
                  {t("tailoring.review.createFromFinding")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {review.notes ? (
        <>
          <h3 className="subheading">{t("tailoring.review.notes")}</h3>
          <p className="prewrap">{review.notes}</p>
        </>
      ) : null}
    </section>
  );
}
