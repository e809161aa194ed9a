import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatDay } from "~/lib/dates";
import { type PageTailoring } from "./types";

const ACTION_KEYS: Record<string, MessageKey> = {
  requested: "tailoring.history.requested",
  reviewRecorded: "tailoring.history.reviewRecorded",
  itemAdded: "tailoring.history.itemAdded",
  itemUpdated: "tailoring.history.itemUpdated",
  itemRemoved: "tailoring.history.itemRemoved",
  prioritised: "tailoring.history.prioritised",
  prioritiesConfirmed: "tailoring.history.prioritiesConfirmed",
  endDateProposed: "tailoring.history.endDateProposed",
  endDateAgreed: "tailoring.history.endDateAgreed",
  stepReopened: "tailoring.history.stepReopened",
};

function detail(details: Record<string, unknown>, name: string): string | undefined {
  const value = details[name];
  return typeof value === "string" ? value : undefined;
}

/** Every step event, newest first: who, when, what and why. */
export function HistorySection({ tailoring }: { tailoring: PageTailoring }) {
  const t = useT();
  const lang = useLang();
  const events = [...tailoring.history].reverse();
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t("tailoring.history.heading")}</h2>
      <ol className="history" data-testid="tailoring-history">
        {events.map((e) => {
          const title = detail(e.details, "title");
          const endOn = detail(e.details, "endOn");
          const status = detail(e.details, "status");
          return (
            <li key={e.id} className={`history-entry history-${e.action}`}>
              <time dateTime={e.occurredAt} className="history-when">
                {formatDateTime(lang, e.occurredAt)}
              </time>
              <div className="history-what">
                <strong>{e.actor?.name ?? t("tailoring.history.system")}</strong>{" "}
                {t(ACTION_KEYS[e.action] ?? "tailoring.history.other", { step: t(`tailoring.step.${e.step}`) })}
                {title ? <> – {t("tailoring.history.title", { title })}</> : null}
                {endOn ? <> – {formatDay(lang, endOn)}</> : null}
                {status ? <> – {t(`tailoring.itemStatus.${status as "OPEN"}`)}</> : null}
                <span className="muted small history-step">
                  {" "}
                  · {t("tailoring.history.inStep", { step: t(`tailoring.step.${e.step}`) })}
                </span>
                {e.reason ? (
                  <p className="history-reason">{t("tailoring.history.reason", { reason: e.reason })}</p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
