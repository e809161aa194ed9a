import type { SupportStatusFragment } from "~/graphql/graphql";
import type { Lang, Translate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { dateTimeFormat } from "~/i18n/intl-formats";

const ZONE = "Europe/Stockholm";

function dayInSweden(iso: string | Date): string {
  return dateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );
}

export function clockTime(lang: Lang, iso: string): string {
  return dateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** "i dag", "i morgon", "måndag" or "måndag 6 januari" when it is more than a week away. */
export function dayWords(lang: Lang, t: Translate, iso: string, now: string): string {
  const day = dayInSweden(iso);
  const today = dayInSweden(now);
  const tomorrow = dayInSweden(new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000));
  if (day === today) return t("support.status.today");
  if (day === tomorrow) return t("support.status.tomorrow");
  const inAWeek = Date.parse(`${day}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`) < 7 * 86_400_000;
  return dateTimeFormat(
    lang === "sv" ? "sv-SE" : "en-GB",
    inAWeek ? { timeZone: ZONE, weekday: "long" } : { timeZone: ZONE, weekday: "long", day: "numeric", month: "long" },
  ).format(new Date(iso));
}

/** The sentence: "Supporten är öppen till 17:00" or "Supporten är stängd. Öppnar måndag 08:00". */
function supportStatusText(lang: Lang, t: Translate, calendar: SupportStatusFragment, now: string): string {
  if (calendar.isOpen) return t("support.status.openUntil", { time: clockTime(lang, calendar.nextClosing) });
  return t("support.status.closedOpens", {
    day: dayWords(lang, t, calendar.nextOpening, now),
    time: clockTime(lang, calendar.nextOpening),
  });
}

/**
 * Whether support is open now, in words. For any page (the dashboard too): query the fragment
 * `SupportStatus` with the same `now` and pass both here.
 */
export function SupportStatus({ calendar, now }: { calendar: SupportStatusFragment; now: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <p
      className={calendar.isOpen ? "support-status support-open" : "support-status support-closed"}
      data-testid="support-status"
      data-open={calendar.isOpen ? "true" : "false"}
    >
      <span aria-hidden="true">{calendar.isOpen ? "● " : "○ "}</span>
      {supportStatusText(lang, t, calendar, now)}
    </p>
  );
}
