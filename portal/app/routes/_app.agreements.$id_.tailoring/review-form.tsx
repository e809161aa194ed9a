import { REVIEW_AREAS } from "~/lib/enums";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { SubmitButton } from "~/components/submit-button";
import type { ReviewArea } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";

import type { TailoringResult } from "./intents";
import { resultFor, typed } from "~/lib/form-result";
import { type PageTailoring } from "./types";
import { ResultErrors } from "~/components/intent-form";

interface FindingRow {
  key: number;
  area: ReviewArea;
  finding: string;
}

/** Step 2: the seller records the first meeting; findings per area, one row each, rows can be added. */
export function ReviewForm({
  tailoring,
  today,
  result,
}: {
  tailoring: PageTailoring;
  today: string;
  result: TailoringResult | undefined;
}) {
  const t = useT();
  const own = resultFor(result, "review");
  const typedAreas = own && !own.ok ? own.values.findingArea : undefined;
  const typedFindings = own && !own.ok ? own.values.findingText : undefined;
  const initial: FindingRow[] =
    Array.isArray(typedFindings) && typedFindings.length > 0
      ? typedFindings.map((finding, index) => ({
          key: index,
          finding,
          area: REVIEW_AREAS.find((a) => a === (Array.isArray(typedAreas) ? typedAreas[index] : "")) ?? "OTHER",
        }))
      : [{ key: 0, area: "DATABASE", finding: "" }];
  const [rows, setRows] = useState<FindingRow[]>(initial);
  const nextKey = rows.reduce((max, row) => Math.max(max, row.key), 0) + 1;
  return (
    <Form method="post" className="stack review-form" aria-labelledby="review-form-title">
      <h3 id="review-form-title">{t("tailoring.review.formHeading")}</h3>
      <ResultErrors result={own} />
      <input type="hidden" name="tailoringId" value={tailoring.id} />
      <div className="form-row">
        <div className="field">
          <label htmlFor="meetingOn">{t("tailoring.review.meetingOn")}</label>
          <input id="meetingOn" name="meetingOn" type="date" required defaultValue={typed(own, "meetingOn") ?? today} />
        </div>
        <div className="field field-grow">
          <label htmlFor="attendees">{t("tailoring.review.attendees")}</label>
          <textarea
            id="attendees"
            name="attendees"
            rows={3}
            required
            defaultValue={typed(own, "attendees")}
            aria-describedby="attendees-hint"
          />
          <p id="attendees-hint" className="hint">
            {t("tailoring.review.attendeesHint")}
          </p>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend>{t("tailoring.review.findings")}</legend>
        <p className="hint">{t("tailoring.review.findingsHint")}</p>
        <ol className="finding-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="finding-row">
              <div className="field">
                <label htmlFor={`finding-area-${row.key}`}>{t("tailoring.review.area", { n: index + 1 })}</label>
                <select
                  id={`finding-area-${row.key}`}
                  name="findingArea"
                  value={row.area}
                  onChange={(event) => {
                    const area = REVIEW_AREAS.find((a) => a === event.target.value) ?? "OTHER";
                    setRows((all) => all.map((r) => (r.key === row.key ? { ...r, area } : r)));
                  }}
                >
                  {REVIEW_AREAS.map((area) => (
                    <option key={area} value={area}>
                      {t(`tailoring.area.${area}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field field-grow">
                <label htmlFor={`finding-text-${row.key}`}>{t("tailoring.review.finding", { n: index + 1 })}</label>
                <input
                  id={`finding-text-${row.key}`}
                  name="findingText"
                  maxLength={2000}
                  value={row.finding}
                  onChange={(event) => {
                    const finding = event.target.value;
                    setRows((all) => all.map((r) => (r.key === row.key ? { ...r, finding } : r)));
                  }}
                />
              </div>
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button button-secondary button-small finding-remove"
                  aria-label={t("tailoring.review.removeFindingLabel", { n: index + 1 })}
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  {t("tailoring.review.removeFinding")}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setRows((all) => [...all, { key: nextKey, area: "OTHER", finding: "" }])}
        >
          + {t("tailoring.review.addFinding")}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor="notes">{t("tailoring.review.notes")}</label>
        <textarea id="notes" name="notes" rows={4} maxLength={10000} defaultValue={typed(own, "notes")} />
      </div>
      <div>
        <SubmitButton intent="review" busyLabel={t("tailoring.review.saving")}>
          {t("tailoring.review.submit")}
        </SubmitButton>
      </div>
    </Form>
  );
}
