import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/submit-button";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

/**
 * The customer's two answers to proposed visit times, one form each: pick a time, or ask for others
 * with a word on what suits. The mail's link page and the portal's pages show the same forms, posting
 * `intent` accept (with `time`) or other (with `otherTimes`) to the page given, or to their own.
 */
export function VisitTimesAnswer({
  times,
  now,
  action,
  idPrefix = "visit-times",
}: {
  times: readonly string[];
  /** The loader's instant: a time already passed is shown but cannot be chosen. */
  now: string;
  action?: string;
  /** Keeps ids apart when a page shows several proposals. */
  idPrefix?: string;
}) {
  const t = useT();
  const lang = useLang();
  const ahead = times.filter((time) => time > now);
  return (
    <>
      {ahead.length > 0 ? (
        <Form method="post" action={action} className="stack" aria-label={t("visitTimes.choose")}>
          <fieldset>
            <legend>{t("visitTimes.choose")}</legend>
            {times.map((time) => (
              <label key={time} className="visit-time-choice">
                <input type="radio" name="time" value={time} disabled={time <= now} required />
                {formatDateTime(lang, time)}
                {time <= now ? <span className="muted small"> · {t("visitTimes.passed")}</span> : null}
              </label>
            ))}
          </fieldset>
          <SubmitButton
            intent="accept"
            action={action}
            busyLabel={t("visitTimes.booking")}
            className="button button-wide"
          >
            {t("visitTimes.accept")}
          </SubmitButton>
        </Form>
      ) : (
        <p className="alert alert-info" role="status">
          {t("visitTimes.allPassed")}
        </p>
      )}
      <Form method="post" action={action} className="stack visit-times-other">
        <label htmlFor={`${idPrefix}-otherTimes`}>{t("visitTimes.otherLabel")}</label>
        <textarea id={`${idPrefix}-otherTimes`} name="otherTimes" rows={3} maxLength={1000} required />
        <SubmitButton
          intent="other"
          action={action}
          busyLabel={t("visitTimes.sending")}
          className="button button-secondary button-wide"
        >
          {t("visitTimes.askOther")}
        </SubmitButton>
      </Form>
    </>
  );
}
