import { HOSTED_SERVICES, LICENCE_KINDS } from "~/lib/enums";
import { OrderQuoteDocument, type HostedService, type LicenceKind, type MoneyInput } from "~/graphql/graphql";
import { formError, formErrors, inPageWords, type FormError } from "~/lib/form-result";
import { isIsoDate } from "~/lib/dates";
import { parseKronor } from "~/lib/money";
import type { Api } from "~/lib/api.server";
import { CONFIRMS, type IntentResult, type QuoteIntent } from "./intents";

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function requireDate(form: FormData, name: string, errors: FormError[]): string {
  const value = text(form, name);
  if (!isIsoDate(value)) errors.push(formError(name, value ? "INVALID_DATE" : "REQUIRED"));
  return value;
}

/** What, how many and when, from the rental form or its confirmation. */
export function rentalOrder(
  form: FormData,
  errors: FormError[],
): { kind: LicenceKind; quantity: number; startsOn: string; endsOn: string } {
  const kind = LICENCE_KINDS.find((k) => k === text(form, "kind"));
  if (!kind) errors.push(formError("kind", "REQUIRED"));
  const quantity = Number(text(form, "quantity"));
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000)
    errors.push(formError("quantity", "INVALID_QUANTITY"));
  return {
    kind: kind ?? "BOOKING",
    quantity,
    startsOn: requireDate(form, "startsOn", errors),
    endsOn: requireDate(form, "endsOn", errors),
  };
}

/** The ticked services; the confirmation sends them again as one comma-separated value. */
export function hostedServices(form: FormData, errors: FormError[]): HostedService[] {
  const sent = form.getAll("hostedServices").flatMap((value) => (typeof value === "string" ? value.split(",") : []));
  const services = HOSTED_SERVICES.filter((service) => sent.includes(service));
  if (services.length === 0) errors.push(formError("hostedServices", "NO_SERVICES"));
  return services;
}

/**
 * The price vendor staff agreed, when they filled it in; customers' forms have no such field, and the
 * API refuses a price from them anyway (PRICE_NOT_ALLOWED).
 */
export function agreedPrice(form: FormData, errors: FormError[]): { agreedPrice?: MoneyInput; priceReason?: string } {
  const typed = text(form, "agreedPrice");
  if (!typed) return {};
  const amountMinor = parseKronor(typed);
  if (amountMinor === undefined) errors.push(formError("agreedPrice", "INVALID_AMOUNT"));
  const priceReason = text(form, "priceReason");
  if (priceReason.length > 500) errors.push(formError("priceReason", "TOO_LONG"));
  return { agreedPrice: { amountMinor: amountMinor ?? 0, currency: "SEK" }, priceReason: priceReason || undefined };
}

/** What the user sent, to show in the confirmation and to post again with it. */
function valuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string" || name === "intent") continue;
    values[name] = values[name] ? `${values[name]},${value}` : value;
  }
  return values;
}

/**
 * The first step of an order: its price from the price list, for the confirmation that shows the
 * monthly cost before anything is ordered. Nothing is written.
 */
export async function runQuote(
  api: Api,
  agreementId: string,
  intent: QuoteIntent,
  form: FormData,
): Promise<IntentResult> {
  const values = valuesOf(form);
  const errors: FormError[] = [];
  const order =
    intent === "quoteRental"
      ? (({ kind, quantity, startsOn, endsOn }) => ({ item: kind, quantity, startsOn, endsOn }))(
          rentalOrder(form, errors),
        )
      : { item: intent === "quoteHosting" ? ("HOSTING" as const) : ("MONITORING" as const), quantity: 1 };
  if (intent === "quoteHosting") values.hostedServices = hostedServices(form, errors).join(",");
  const price = agreedPrice(form, errors);
  if (errors.length > 0) return { intent, ok: false, errors, values };
  const { orderQuote } = await api.query(OrderQuoteDocument, { input: { agreementId, ...order } });
  if (!orderQuote.quote)
    return { intent, ok: false, errors: inPageWords(formErrors(orderQuote.userErrors), "agreement"), values };
  // Asked here already, where the field is, rather than after the confirmation (the API asks too).
  if (
    price.agreedPrice &&
    price.agreedPrice.amountMinor !== orderQuote.quote.monthlyCost.amountMinor &&
    !price.priceReason
  ) {
    return { intent, ok: false, errors: [formError("priceReason", "PRICE_REASON_REQUIRED")], values };
  }
  return { intent, ok: true, errors: [], values, quote: orderQuote.quote };
}

export function isQuoteIntent(intent: string): intent is QuoteIntent {
  return intent in CONFIRMS;
}
