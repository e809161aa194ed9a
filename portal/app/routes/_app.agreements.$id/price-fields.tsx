import { IntentButton, type FieldKit } from "~/components/intent-form";
import type { PricedItem } from "~/graphql/graphql";
import { useLang, useT } from "~/i18n/use-t";
import { formatMoney, type Money } from "~/lib/money";
import type { QuoteIntent } from "./intents";
import { itemName } from "./order-confirmation";

/** Vendor staff only: a price other than the list price for the whole order, and why. */
export function AgreedPriceFields({ f }: { f: FieldKit }) {
  const t = useT();
  return (
    <>
      <div className="field field-narrow">
        <label htmlFor={f.props("agreedPrice").id}>{t("order.agreedPriceKr")}</label>
        <input
          inputMode="decimal"
          placeholder={t("order.listPricePlaceholder")}
          {...f.props("agreedPrice")}
          defaultValue={f.value("agreedPrice")}
        />
        {f.error("agreedPrice")}
      </div>
      <div className="field">
        <label htmlFor={f.props("priceReason").id}>{t("order.priceReason")}</label>
        <input maxLength={500} {...f.props("priceReason")} defaultValue={f.value("priceReason")} />
        {f.error("priceReason")}
      </div>
    </>
  );
}

/** "Listpris: Bokning 30 kr, Hantera 150 kr … per månad", from the price list of today. */
export function PriceListLine({
  priceList,
  items,
}: {
  priceList: ReadonlyArray<{ item: PricedItem; monthlyPrice: Money }>;
  items: readonly PricedItem[];
}) {
  const t = useT();
  const lang = useLang();
  const prices = priceList.filter((p) => items.includes(p.item));
  if (prices.length === 0) return null;
  return (
    <span data-testid="price-list">
      {t("order.priceListLine", {
        prices: prices.map((p) => `${itemName(t, p.item)} ${formatMoney(lang, p.monthlyPrice)}`).join(", "),
      })}
    </span>
  );
}

/** The end of every order form: the agreed price for vendor staff, and the step to the quote. */
export function QuoteStep({ f, intent, agreePrices }: { f: FieldKit; intent: QuoteIntent; agreePrices: boolean }) {
  const t = useT();
  return (
    <>
      {agreePrices ? <AgreedPriceFields f={f} /> : null}
      <IntentButton intent={intent} busy={t("order.pricing")}>
        {t("order.showPrice")}
      </IntentButton>
    </>
  );
}
