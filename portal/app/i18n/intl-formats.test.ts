import { afterEach, describe, expect, it, vi } from "vitest";
import { formatMoney } from "~/lib/money";
import { formatDay, todayInSweden } from "~/lib/dates";
import { formatDate, formatDateTime, formatNumber } from "./i18n";
import { dateTimeFormat, numberFormat } from "./intl-formats";

describe("Intl formatters made once", () => {
  afterEach(() => vi.restoreAllMocks());

  it("makes no new formatter when the portal formats another date, number or amount the same way", () => {
    const everyFormat = (iso: string, amountMinor: number) => [
      formatDateTime("sv", iso),
      formatDate("en", iso),
      formatNumber("sv", amountMinor),
      formatDay("sv", iso.slice(0, 10)),
      todayInSweden(new Date(iso)),
      formatMoney("sv", { amountMinor, currency: "SEK" }),
    ];
    everyFormat("2026-01-15T10:00:00Z", 100);
    const madeDates = vi.spyOn(Intl, "DateTimeFormat");
    const madeNumbers = vi.spyOn(Intl, "NumberFormat");
    everyFormat("2026-06-30T22:15:00Z", 4_200);
    expect(madeDates).not.toHaveBeenCalled();
    expect(madeNumbers).not.toHaveBeenCalled();
  });

  it("gives the same formatter for the same locale and options, and another for others", () => {
    const options = { dateStyle: "medium", timeZone: "Europe/Stockholm" } as const;
    expect(dateTimeFormat("sv-SE", { ...options })).toBe(dateTimeFormat("sv-SE", { ...options }));
    expect(dateTimeFormat("en-GB", options)).not.toBe(dateTimeFormat("sv-SE", options));
    expect(dateTimeFormat("sv-SE", { ...options, timeZone: "UTC" })).not.toBe(dateTimeFormat("sv-SE", options));
    expect(numberFormat("sv-SE", { style: "currency", currency: "SEK" })).toBe(
      numberFormat("sv-SE", { style: "currency", currency: "SEK" }),
    );
    expect(numberFormat("sv-SE", { style: "currency", currency: "EUR" })).not.toBe(
      numberFormat("sv-SE", { style: "currency", currency: "SEK" }),
    );
  });

  it("formats as a formatter made afresh does", () => {
    const iso = "2026-03-29T00:30:00Z"; // the night Sweden moves to summer time
    expect(formatDateTime("sv", iso)).toBe(
      new Intl.DateTimeFormat("sv-SE", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "Europe/Stockholm",
      }).format(new Date(iso)),
    );
    expect(formatDate("en", iso)).toBe(
      new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/Stockholm" }).format(new Date(iso)),
    );
    expect(formatNumber("sv", 1234567)).toBe(new Intl.NumberFormat("sv-SE").format(1234567));
    expect(formatDay("sv", "2026-12-31")).toBe(
      new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-12-31T00:00:00Z")),
    );
    expect(todayInSweden(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    // Whole kronor without öre, öre when there are some: two option sets, two formatters.
    expect(formatMoney("sv", { amountMinor: 1250000, currency: "SEK" })).toBe(
      new Intl.NumberFormat("sv-SE", {
        style: "currency",
        currency: "SEK",
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      }).format(12500),
    );
    expect(formatMoney("sv", { amountMinor: 123450, currency: "SEK" })).toBe(
      new Intl.NumberFormat("sv-SE", {
        style: "currency",
        currency: "SEK",
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(1234.5),
    );
  });
});
