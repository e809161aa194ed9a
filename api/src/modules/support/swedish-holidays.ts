import Holidays from "date-holidays";
import type { ClosedReason } from "./support-calendar.js";

/**
 * Days support is closed for, from the well-kept date-holidays data (not hand-written Easter or
 * midsummer maths). Its SE data marks the public holidays `public` and the customary non-working
 * eves (midsummer, Christmas and New Year's Eve) `bank`: offices closed. The rest (`observance`,
 * `optional`, e.g. Walpurgis Night) are ordinary working days.
 */
const CLOSED_TYPES = new Set(["public", "bank"]);

export interface ClosedHoliday {
  /** Its name in Swedish and in English ("Juldagen", "Christmas Day"), as date-holidays gives them. */
  name: ClosedReason;
  /** `public`: a public holiday; `bank`: a customary non-working day. */
  type: "public" | "bank";
}

const holidays = new Holidays("SE");
const byYear = new Map<number, Map<string, ClosedHoliday>>();

/** The closed holidays of one year by ISO date, with their Swedish and English names; computed once per year. */
export function swedishHolidays(year: number): Map<string, ClosedHoliday> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    const english = new Map(holidays.getHolidays(year, "en").map((h) => [`${h.date}|${h.type}`, h.name]));
    for (const h of holidays.getHolidays(year, "sv")) {
      if (!CLOSED_TYPES.has(h.type) || days.has(h.date.slice(0, 10))) continue;
      const sv = capitalised(h.name);
      days.set(h.date.slice(0, 10), {
        name: { SV: sv, EN: capitalised(english.get(`${h.date}|${h.type}`) ?? sv) },
        type: h.type as ClosedHoliday["type"],
      });
    }
    byYear.set(year, days);
  }
  return days;
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
