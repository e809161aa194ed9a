import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enGB } from "date-fns/locale";
import { TIME_ZONE } from "../../shared/dates.js";
import type { MailLanguage } from "./mail-kind.js";

const local = (at: Date) => new TZDate(at, TIME_ZONE);

/** A moment with its weekday ("måndag 7 december 10:00"): how a promised answer time reads best to a person. */
const weekdayAndTime = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  });
const WHEN = { SV: weekdayAndTime("sv-SE"), EN: weekdayAndTime("en-GB") };

/**
 * Dates and times in mails, in Swedish local time (where the visits and agreements are) and the reader's
 * language: Swedish writes 2026-03-04 kl. 09:00, English 4 March 2026 at 09:00.
 */
export const MAIL_DATES: Record<
  MailLanguage,
  { day: (at: Date | string) => string; at: (at: Date) => string; when: (at: Date | number) => string }
> = {
  SV: {
    when: (at) => WHEN.SV.format(at),
    day: (at) => (typeof at === "string" ? at : format(local(at), "yyyy-MM-dd")),
    at: (at) => format(local(at), "yyyy-MM-dd 'kl.' HH:mm"),
  },
  EN: {
    when: (at) => WHEN.EN.format(at),
    day: (at) =>
      format(typeof at === "string" ? new Date(`${at}T12:00:00Z`) : local(at), "d MMMM yyyy", { locale: enGB }),
    at: (at) => format(local(at), "d MMMM yyyy 'at' HH:mm", { locale: enGB }),
  },
};

/** How every mail ends, per language. */
export const SIGN_OFF: Record<MailLanguage, string> = {
  SV: "Vänliga hälsningar\nTrygg\n",
  EN: "Kind regards\nTrygg\n",
};
