import { Link, useActionData, useLocation } from "@remix-run/react";
import { IntentButton, IntentForm } from "~/components/intent-form";
import { formatDate, formatNumber, type Translate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { LICENCE_KINDS } from "~/lib/enums";
import { formatMoney, parseKronor } from "~/lib/money";
import type { PricedItem } from "~/graphql/graphql";
import { CONFIRMS, type IntentResult, type OrderQuote, type QuoteIntent } from "./intents";

/** The quote step's answer, when the last form sent was this one and the price list priced it. */
export function useQuoted(intent: QuoteIntent): { quote: OrderQuote; values: Record<string, string> } | undefined {
  const result = useActionData() as IntentResult | undefined;
  if (!result || result.intent !== intent || !result.ok || !result.quote) return undefined;
  return { quote: result.quote, values: result.values as Record<string, string> };
}

export function itemName(t: Translate, item: PricedItem): string {
  const kind = LICENCE_KINDS.find((k) => k === item);
  return kind ? t(`licenceKind.${kind}`) : t(item === "HOSTING" ? "addOnKind.HOSTING" : "addOnKind.MONITORING");
}

/**
 * The confirmation of an order: what it costs a month at list price and over its period, before
 * anything is ordered. Confirming posts the same values again as the order itself; "Ändra" goes back
 * to the form.
 */
export function OrderConfirmation({ intent, anchor }: { intent: QuoteIntent; anchor: string }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const quoted = useQuoted(intent);
  if (!quoted) return null;
  const { quote, values } = quoted;
  const agreed = values.agreedPrice ? parseKronor(values.agreedPrice) : undefined;
  const confirm = CONFIRMS[intent];
  const isLicence = LICENCE_KINDS.some((k) => k === quote.item);
  return (
    <div
      className="order-confirmation"
      role="region"
      aria-labelledby={`${intent}-title`}
      data-testid="order-confirmation"
    >
      <h3 id={`${intent}-title`}>{t("order.confirmTitle")}</h3>
      <dl className="facts">
        <dt>{t("order.item")}</dt>
        <dd>
          {isLicence ? `${formatNumber(lang, quote.quantity)} × ` : ""}
          {itemName(t, quote.item)}
        </dd>
        <dt>{t("order.listPrice")}</dt>
        <dd>
          {t(isLicence ? "order.perLicencePerMonth" : "order.perMonth", { amount: formatMoney(lang, quote.listPrice) })}
        </dd>
        <dt>{t("order.monthlyCost")}</dt>
        <dd className="order-monthly-cost" data-testid="quote-monthly-cost">
          {formatMoney(lang, quote.monthlyCost)}
        </dd>
        <dt>{t("order.period")}</dt>
        <dd>
          {formatDate(lang, quote.startsOn)} – {formatDate(lang, quote.endsOn)} (
          {t("order.months", { months: String(quote.months) })})
        </dd>
        <dt>{t("order.total")}</dt>
        <dd data-testid="quote-total">{formatMoney(lang, quote.total)}</dd>
        {agreed !== undefined ? (
          <>
            <dt>{t("order.agreedPrice")}</dt>
            <dd>
              {t("order.perMonth", { amount: formatMoney(lang, { amountMinor: agreed, currency: "SEK" }) })}
              {values.priceReason ? ` · ${values.priceReason}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <IntentForm intent={confirm} hidden={values} fields={[]} className="button-row">
        {() => (
          <>
            <IntentButton intent={confirm} busy={t("agreement.ordering")}>
              {t("order.confirm")}
            </IntentButton>
            <Link to={`${location.pathname}#${anchor}`} className="button button-secondary" preventScrollReset>
              {t("order.change")}
            </Link>
          </>
        )}
      </IntentForm>
      <p className="hint">{t("order.sellerTold")}</p>
    </div>
  );
}
