import type { AgreementStatus, Role } from "~/graphql/graphql";
import { userErrorKey, type Lang, type Translate } from "~/i18n/i18n";

/** Statuses in the order a user thinks of them: from draft to the end. */
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ["DRAFT", "ACTIVE", "EXPIRING", "EXPIRED", "TERMINATED"];

/**
 * Who may do what on an agreement, as the API's `@Authorized` says. The portal only hides the forms;
 * the API decides.
 */
export const AGREEMENT_PERMISSIONS = {
  /** create, activate, renew, terminate */
  manage: ["ADMIN", "SELLER"],
  /** Hantera accounts and licence rentals */
  benefits: ["ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN"],
  /** hosting and monitoring */
  addOns: ["ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type AgreementPermission = keyof typeof AGREEMENT_PERMISSIONS;

export function may(role: Role, permission: AgreementPermission): boolean {
  return (AGREEMENT_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

const LOCALES: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

/** 123450 öre → "1 234,50 kr" (sv) or "SEK 1,234.50" (en). */
export function formatMoney(lang: Lang, money: { amountMinor: number; currency: string }): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency: money.currency }).format(money.amountMinor / 100);
}

/**
 * "1 234,50", "1234.5" or "1 234" kr as typed by a person → öre; undefined when it is not an amount.
 * A comma or a point may separate the öre; spaces group thousands.
 */
export function parseKronor(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const ore = Math.round(Number(cleaned) * 100);
  return Number.isSafeInteger(ore) ? ore : undefined;
}

/** Today in Sweden as YYYY-MM-DD: agreement dates are Swedish calendar days. */
export function todayInSweden(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The same day a year later; 29 February becomes 28 February. */
export function addYear(isoDate: string): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split("-").map(Number);
  const target = new Date(Date.UTC(year + 1, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** A userError as an action returns it: the input field it concerns (e.g. "email"), its code, the API's message. */
export interface FormError {
  field: string | null;
  code: string;
  message: string;
}

/** ["input", "email"] → "email"; ["input", "monthlyPrice", "currency"] → "monthlyPrice". */
export function formErrors(userErrors: ReadonlyArray<{ code: string; field?: ReadonlyArray<string> | null; message: string }>): FormError[] {
  return userErrors.map((error) => {
    const path = (error.field ?? []).filter((part) => part !== "input");
    return { field: path[0] ?? null, code: error.code, message: error.message };
  });
}

/** The portal's text for a userError code; the API's own (English) message for a code it does not know. */
export function formErrorText(t: Translate, error: FormError): string {
  const key = userErrorKey(error.code);
  return key === "userError.UNKNOWN" ? error.message : t(key);
}

/**
 * A loader/action failure thrown by `apiFor` for a GraphQL BAD_USER_INPUT (e.g. a value the API's
 * scalar rejects), so that a form can show it instead of an error page.
 */
export function isBadRequest(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if (error instanceof Response) return error.status === 400;
  const init = "init" in error ? (error.init as { status?: number } | null) : null;
  return "type" in error && error.type === "DataWithResponseInit" && init?.status === 400;
}
