import { LICENCE_KINDS } from "~/lib/enums";
import { formatDate, formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatMoney } from "~/lib/money";

import { IntentForm, ResultErrors, RowActionCell, SuccessNotice, useFormResult } from "~/components/intent-form";
import { OrderConfirmation, useQuoted } from "./order-confirmation";
import { PriceListLine, QuoteStep } from "./price-fields";
import { ReadOnlyNote } from "./read-only-note";
import type { SectionProps } from "./section-props";
import { StackedTable } from "~/components/stacked-table";

/** Kind, quantity, per month: the first columns of both rental tables. */
function RentalColumns() {
  const t = useT();
  return (
    <>
      <th scope="col">{t("agreement.licenceKind")}</th>
      <th scope="col" className="numeric">
        {t("agreement.quantity")}
      </th>
      <th scope="col" className="numeric">
        {t("agreement.perMonth")}
      </th>
    </>
  );
}

export function LicenceSection({ agreement, today, priceList }: SectionProps) {
  const t = useT();
  const quoted = useQuoted("quoteRental");
  const lastRent = useFormResult("rentLicence");
  const failedOrder = lastRent && !lastRent.ok ? lastRent : undefined;
  const lang = useLang();
  const canEdit = agreement.viewerCanRentLicences;
  const current =
    agreement.periods.find((period) => period.startsOn <= today && today <= period.endsOn) ??
    agreement.periods[agreement.periods.length - 1];
  const rentals = agreement.licenceRentals;
  return (
    <section className="section" aria-labelledby="licences-title" id="licences">
      <h2 id="licences-title">{t("agreement.licenceRentals")}</h2>
      <div className="card">
        <div className="totals">
          <table className="totals-table">
            <caption className="visually-hidden">{t("agreement.totalsCaption")}</caption>
            <thead>
              <tr>
                <RentalColumns />
              </tr>
            </thead>
            <tbody>
              {LICENCE_KINDS.map((kind) => {
                const total = agreement.licenceRentalTotals.find((row) => row.kind === kind);
                return (
                  <tr key={kind}>
                    <th scope="row">{t(`licenceKind.${kind}`)}</th>
                    <td className="numeric tabular">{formatNumber(lang, total?.quantity ?? 0)}</td>
                    <td className="numeric tabular">
                      {total ? formatMoney(lang, total.monthlyCost) : t("common.none")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t("agreement.monthlyCost")}
                </th>
                <td className="numeric tabular" data-testid="monthly-cost">
                  {formatMoney(lang, agreement.monthlyCost)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <SuccessNotice intents={["rentLicence", "endRental"]} />
        {rentals.length === 0 ? (
          <p className="muted">{t("agreement.noRentals")}</p>
        ) : (
          <div className="table-wrap table-flat">
            <StackedTable
              caption={<caption className="visually-hidden">{t("agreement.licenceRentals")}</caption>}
              columns={[
                t("agreement.licenceKind"),
                { label: t("agreement.quantity"), className: "numeric" },
                { label: t("agreement.perMonth"), className: "numeric" },
                t("agreements.period"),
                t("agreements.status"),
                canEdit && t("apiTokens.actions"),
              ]}
            >
              <tbody>
                {rentals.map((rental) => (
                  <tr key={rental.id}>
                    <th scope="row">{t(`licenceKind.${rental.kind}`)}</th>
                    <td className="numeric tabular">{formatNumber(lang, rental.quantity)}</td>
                    <td className="numeric tabular">
                      {formatMoney(lang, rental.monthlyPrice)}
                      {rental.priceReason && rental.listPrice ? (
                        <span className="muted small price-note">
                          {t("order.agreedFromList", {
                            list: formatMoney(lang, rental.listPrice),
                            reason: rental.priceReason,
                          })}
                        </span>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      {formatDate(lang, rental.startsOn)} – {formatDate(lang, rental.endedOn ?? rental.endsOn)}
                    </td>
                    <td>
                      {rental.active ? (
                        <span className="badge badge-active">{t("agreement.rentalActive")}</span>
                      ) : rental.startsOn > today ? (
                        <span className="badge">{t("agreement.rentalUpcoming")}</span>
                      ) : (
                        <span className="badge badge-revoked">{t("agreement.rentalEnded")}</span>
                      )}
                      {rental.carriedOver ? (
                        <span className="badge badge-carried">{t("agreement.carriedOver")}</span>
                      ) : null}
                    </td>
                    <RowActionCell
                      editable={canEdit}
                      active={rental.active}
                      intent="endRental"
                      target={rental.id}
                      confirm={t("agreement.endRentalConfirm")}
                      busy={t("agreement.endingRental")}
                    >
                      {t("agreement.endRental")}
                    </RowActionCell>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        )}
        {canEdit ? (
          <div className="subform">
            <h3>{t("agreement.rentHeading")}</h3>
            <ResultErrors result={failedOrder} />
            {quoted ? (
              <OrderConfirmation intent="quoteRental" anchor="licences" />
            ) : (
              <IntentForm
                intent="quoteRental"
                fields={["kind", "quantity", "startsOn", "endsOn", "agreedPrice", "priceReason"]}
                className="inline-form"
                aria-label={t("agreement.rentHeading")}
              >
                {(f) => (
                  <>
                    <div className="field">
                      <label htmlFor={f.props("kind").id}>{t("agreement.licenceKind")}</label>
                      <select
                        {...f.props("kind")}
                        defaultValue={f.value("kind", failedOrder?.values.kind?.toString() ?? "BOOKING")}
                      >
                        {LICENCE_KINDS.map((kind) => (
                          <option key={kind} value={kind}>
                            {t(`licenceKind.${kind}`)}
                          </option>
                        ))}
                      </select>
                      {f.error("kind")}
                    </div>
                    <div className="field field-narrow">
                      <label htmlFor={f.props("quantity").id}>{t("agreement.quantity")}</label>
                      <input
                        type="number"
                        min={1}
                        max={10000}
                        step={1}
                        required
                        inputMode="numeric"
                        {...f.props("quantity")}
                        defaultValue={f.value("quantity", failedOrder?.values.quantity?.toString())}
                      />
                      {f.error("quantity")}
                    </div>
                    <div className="field">
                      <label htmlFor={f.props("startsOn").id}>{t("agreement.startsOn")}</label>
                      <input type="date" required {...f.props("startsOn")} defaultValue={f.value("startsOn", today)} />
                      {f.error("startsOn")}
                    </div>
                    <div className="field">
                      <label htmlFor={f.props("endsOn").id}>{t("agreement.endsOn")}</label>
                      <input
                        type="date"
                        required
                        {...f.props("endsOn")}
                        defaultValue={f.value("endsOn", current?.endsOn)}
                      />
                      {f.error("endsOn")}
                    </div>
                    <QuoteStep f={f} intent="quoteRental" agreePrices={agreement.viewerCanAgreePrices} />
                  </>
                )}
              </IntentForm>
            )}
            <p className="hint">
              {t("agreement.rentHint")} <PriceListLine priceList={priceList} items={LICENCE_KINDS} />
            </p>
          </div>
        ) : !agreement.tier.licenceRentals ? (
          <p className="muted small">{t("agreement.rentalsNotInTier")}</p>
        ) : (
          <ReadOnlyNote />
        )}
      </div>
    </section>
  );
}
