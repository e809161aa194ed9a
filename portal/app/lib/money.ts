import { LOCALES, type Lang } from "~/i18n/i18n";
import { numberFormat } from "~/i18n/intl-formats";

export interface Money {
  amountMinor: number;
  currency: string;
}

/**
 * 123450 öre → "1 234,50 kr" (sv) or "SEK 1,234.50" (en); whole kronor without öre ("12 500 kr"),
 * as prices are written in the brochure.
 */
export function formatMoney(lang: Lang, money: Money): string {
  const whole = money.amountMinor % 100 === 0;
  return numberFormat(LOCALES[lang], {
    style: "currency",
    currency: money.currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(money.amountMinor / 100);
}

/**
 * "1 234,50", "1234.5" or "1 234 kr" as typed by a person → öre; undefined when it is not an amount.
 * A comma or a point may separate the öre; spaces group thousands.
 */
export function parseKronor(text: string): number | undefined {
  const cleaned = text
    .replace(/[\s\u00a0]/g, "")
    .replace(/kr$/i, "")
    .replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const ore = Math.round(Number(cleaned) * 100);
  return Number.isSafeInteger(ore) ? ore : undefined;
}
