import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { IntentButton, IntentForm, SuccessNotice, useLastResult } from "~/components/intent-form";
import { formatMoney } from "~/lib/money";
import type { SectionProps } from "./section-props";
import { StackedTable } from "~/components/stacked-table";

type Quote = NonNullable<SectionProps["agreement"]["renewalQuote"]>;

/**
 * "Förnya avtalet": the customer's admin chooses the rentals and add-ons to carry; the quote, priced from the list
 * of the new period, waits here for the seller, who confirms it or declines it with a reason.
 */
export function RenewalRequestSection({ agreement }: Pick<SectionProps, "agreement">) {
  const t = useT();
  const quote = agreement.renewalQuote;
  const open = quote?.state === "REQUESTED";
  // The seller who just confirmed sees the section once more, for the notice that it is done.
  const last = useLastResult<string>();
  const justDecided = last?.ok === true && (last.intent === "confirmRenewal" || last.intent === "declineRenewal");
  if (!agreement.viewerCanRequestRenewal && !open && quote?.state !== "DECLINED" && !justDecided) return null;
  return (
    <section className="section" aria-labelledby="renewal-request-title" id="renewal-request">
      <h2 id="renewal-request-title">{t("renewalQuote.heading")}</h2>
      <div className="card">
        <SuccessNotice intents={["requestRenewal", "confirmRenewal", "declineRenewal"]} />
        {quote && open ? <QuoteView quote={quote} /> : null}
        {quote?.state === "DECLINED" ? (
          <p className="alert alert-warning" data-testid="renewal-declined">
            {t("renewalQuote.declined", { reason: quote.declineReason ?? "" })}
          </p>
        ) : null}
        {agreement.viewerCanRequestRenewal ? <RequestForm agreement={agreement} /> : null}
      </div>
    </section>
  );
}

function QuoteView({ quote }: { quote: Quote }) {
  const t = useT();
  const lang = useLang();
  return (
    <div data-testid="renewal-quote">
      <p>
        {t("renewalQuote.waiting", {
          name: quote.requestedBy?.name ?? "",
          start: formatDate(lang, quote.startsOn),
          end: formatDate(lang, quote.endsOn),
        })}
      </p>
      <div className="table-wrap">
        <StackedTable
          caption={<caption className="visually-hidden">{t("renewalQuote.linesCaption")}</caption>}
          columns={[
            t("renewalQuote.item"),
            t("renewalQuote.quantity"),
            t("renewalQuote.unitPrice"),
            t("renewalQuote.perYear"),
          ]}
        >
          <tbody>
            {quote.baseFee ? (
              <tr data-testid="renewal-quote-base-fee">
                <td>{t(`pricedItem.${quote.baseFee.item}`)}</td>
                <td>1</td>
                <td>{formatMoney(lang, quote.baseFee.monthlyPrice)}</td>
                <td>{formatMoney(lang, quote.baseFee.yearlyPrice)}</td>
              </tr>
            ) : null}
            {quote.lines.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  {t("renewalQuote.nothingCarried")}
                </td>
              </tr>
            ) : (
              quote.lines.map((line) => (
                <tr key={line.partId}>
                  <td>{t(`pricedItem.${line.item}`)}</td>
                  <td>{line.quantity}</td>
                  <td>{formatMoney(lang, line.unitPrice)}</td>
                  <td>{formatMoney(lang, line.yearlyPrice)}</td>
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t("renewalQuote.total")}
              </th>
              <td data-testid="renewal-quote-total">{formatMoney(lang, quote.yearlyTotal)}</td>
            </tr>
          </tfoot>
        </StackedTable>
      </div>
      {quote.ending.length > 0 ? (
        <div data-testid="renewal-quote-ending">
          <p>{t("renewalQuote.ending", { date: formatDate(lang, quote.renewsEndOn) })}</p>
          <ul>
            {quote.ending.map((part) => (
              <li key={part.partId}>
                {t("renewalQuote.endingPart", { item: t(`pricedItem.${part.item}`), quantity: part.quantity })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {quote.viewerCanDecide ? (
        <div className="grid-2">
          <IntentForm intent="confirmRenewal" target={quote.id} className="inline-form">
            {() => (
              <IntentButton intent="confirmRenewal" target={quote.id} busy={t("renewalQuote.confirming")}>
                {t("renewalQuote.confirm")}
              </IntentButton>
            )}
          </IntentForm>
          <IntentForm intent="declineRenewal" target={quote.id} fields={["reason"]} className="inline-form">
            {(f) => (
              <>
                <div className="field">
                  <label htmlFor={f.props("reason").id}>{t("renewalQuote.declineReason")}</label>
                  <input
                    type="text"
                    required
                    maxLength={500}
                    {...f.props("reason")}
                    defaultValue={f.value("reason", "")}
                  />
                  {f.error("reason")}
                </div>
                <IntentButton
                  intent="declineRenewal"
                  target={quote.id}
                  busy={t("renewalQuote.declining")}
                  className="button button-secondary"
                >
                  {t("renewalQuote.decline")}
                </IntentButton>
              </>
            )}
          </IntentForm>
        </div>
      ) : (
        <p className="muted">{t("renewalQuote.sellerConfirms")}</p>
      )}
    </div>
  );
}

function RequestForm({ agreement }: Pick<SectionProps, "agreement">) {
  const t = useT();
  const lang = useLang();
  // What can be carried: rentals running to the current end, and add-ons running (or lapsed with the period).
  const rentals = agreement.licenceRentals.filter((r) => r.endsOn === agreement.endsOn && !r.endedOn);
  const addOns = agreement.addOns.filter(
    (o) => (!o.endedOn && !o.endsOn) || (o.endedOn === agreement.endsOn && o.endReason === "AGREEMENT_EXPIRED"),
  );
  return (
    <IntentForm intent="requestRenewal" fields={["rentalIds", "addOnIds"]}>
      {(f) => (
        <>
          <p className="hint">{t("renewalQuote.requestHint")}</p>
          <fieldset className="field">
            <legend>{t("renewalQuote.carry")}</legend>
            {rentals.length + addOns.length === 0 ? <p className="muted">{t("renewalQuote.nothingToCarry")}</p> : null}
            {rentals.map((r) => (
              <label className="check" key={r.id}>
                <input type="checkbox" name="rentalIds" value={r.id} defaultChecked />
                {t("renewalQuote.rental", {
                  kind: t(`licenceKind.${r.kind}`),
                  quantity: r.quantity,
                  price: formatMoney(lang, r.monthlyPrice),
                })}
              </label>
            ))}
            {addOns.map((o) => (
              <label className="check" key={o.id}>
                <input type="checkbox" name="addOnIds" value={o.id} defaultChecked />
                {t(`addOnKind.${o.kind}`)}
              </label>
            ))}
            {f.error("rentalIds")}
            {f.error("addOnIds")}
          </fieldset>
          <IntentButton intent="requestRenewal" busy={t("renewalQuote.requesting")}>
            {t("renewalQuote.request")}
          </IntentButton>
        </>
      )}
    </IntentForm>
  );
}
