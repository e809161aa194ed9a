import { LOCALES } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { clockTime } from "./support-status";
import { dateTimeFormat } from "~/i18n/intl-formats";

interface Day {
  date: string;
  closedKind?: string | null;
  closedReason?: string | null;
  closedReasonEn?: string | null;
  note?: string | null;
  slots: readonly { opensAt: string; closesAt: string }[];
}

/** The ISO 8601 week number of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(isoDate: string): number {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

function weekdayAndDate(lang: string, isoDate: string): string {
  return dateTimeFormat(LOCALES[lang as "sv"], {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * Why a day is closed, in the reader's language: the API names holidays and weekdays in Swedish and in English
 * ("Juldagen", "Christmas Day"); the vendor's own reason reads as the vendor wrote it.
 */
function closedReason(lang: string, day: Day): string {
  return (lang === "en" ? day.closedReasonEn : day.closedReason) ?? "";
}

/** The coming weeks day by day: the hours, or why support is closed ("Juldagen", "Lördag"). */
export function OpeningHours({ days }: { days: readonly Day[] }) {
  const t = useT();
  const lang = useLang();
  const weeks = new Map<number, Day[]>();
  for (const day of days) weeks.set(isoWeek(day.date), [...(weeks.get(isoWeek(day.date)) ?? []), day]);
  return (
    <div data-testid="opening-hours">
      {[...weeks].map(([week, list]) => (
        <section key={week} aria-label={t("support.week", { week })}>
          <h3>{t("support.week", { week })}</h3>
          <ul className="opening-hours">
            {list.map((day) => (
              <li key={day.date} className={day.slots.length === 0 ? "closed" : undefined} data-date={day.date}>
                <strong>{weekdayAndDate(lang, day.date)}</strong>
                <br />
                {day.slots.length === 0 ? (
                  <span>{t("support.closedBecause", { reason: closedReason(lang, day) })}</span>
                ) : (
                  <span className="tabular">
                    {day.slots.map((s) => `${clockTime(lang, s.opensAt)}–${clockTime(lang, s.closesAt)}`).join(", ")}
                  </span>
                )}
                {day.note ? <span className="cell-note">{day.note}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
