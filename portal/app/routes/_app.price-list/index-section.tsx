import { Form } from "@remix-run/react";
import { IntentButton, IntentForm } from "~/components/intent-form";
import type { IndexClauseQuery, IndexationFieldsFragment } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatMoney } from "~/lib/money";
import { StackedTable } from "~/components/stacked-table";

export const INDEX_FIELDS = ["series", "fromMonth", "toMonth", "validFrom"] as const;
export type IndexParams = Partial<Record<(typeof INDEX_FIELDS)[number], string>>;

/**
 * The index clause for the admins who keep the list: record a month's index value, preview the year's indexation
 * (a GET of this page, computed by the API's rule) and apply exactly what was previewed.
 */
export function IndexSection(props: {
  clause: IndexClauseQuery;
  params: IndexParams;
  preview: IndexationFieldsFragment | null;
  previewError: string | null;
}) {
  const t = useT();
  const lang = useLang();
  const { clause, params, preview } = props;
  return (
    <section className="section" aria-labelledby="index-clause">
      <h2 id="index-clause">{t("indexClause.heading")}</h2>
      <p className="muted small">{t("indexClause.hint")}</p>
      <div className="grid-2">
        <div className="card">
          <h3>{t("indexClause.record")}</h3>
          <IntentForm intent="recordIndexValue" fields={["series", "baseMonth", "month", "value"]} className="stack">
            {(f) => (
              <>
                <label htmlFor={f.props("series").id}>{t("indexClause.series")}</label>
                <input {...f.props("series")} defaultValue={f.value("series", "KPI")} maxLength={40} />
                {f.error("series")}
                <label htmlFor={f.props("baseMonth").id}>{t("indexClause.baseMonth")}</label>
                <input type="month" {...f.props("baseMonth")} defaultValue={f.value("baseMonth")} />
                {f.error("baseMonth")}
                <label htmlFor={f.props("month").id}>{t("indexClause.month")}</label>
                <input type="month" {...f.props("month")} defaultValue={f.value("month")} />
                {f.error("month")}
                <label htmlFor={f.props("value").id}>{t("indexClause.value")}</label>
                <input {...f.props("value")} inputMode="decimal" defaultValue={f.value("value")} />
                {f.error("value")}
                <div>
                  <IntentButton intent="recordIndexValue" busy={t("priceList.saving")} className="button">
                    {t("indexClause.saveValue")}
                  </IntentButton>
                </div>
              </>
            )}
          </IntentForm>
          {clause.priceIndexSeries.map((s) => (
            <p key={s.name} className="small">
              {t("indexClause.seriesLine", { name: s.name, base: s.baseMonth })}{" "}
              {s.values
                .slice(0, 6)
                .map((v) => `${v.month}: ${v.value}`)
                .join(" · ")}
            </p>
          ))}
        </div>
        <div className="card">
          <h3>{t("indexClause.preview")}</h3>
          <Form method="get" className="stack" preventScrollReset>
            <label htmlFor="ix-series">{t("indexClause.series")}</label>
            <input id="ix-series" name="series" defaultValue={params.series ?? "KPI"} required maxLength={40} />
            <label htmlFor="ix-from">{t("indexClause.fromMonth")}</label>
            <input id="ix-from" name="fromMonth" type="month" defaultValue={params.fromMonth} />
            <label htmlFor="ix-to">{t("indexClause.toMonth")}</label>
            <input id="ix-to" name="toMonth" type="month" defaultValue={params.toMonth} required />
            <label htmlFor="ix-valid">{t("priceList.validFrom")}</label>
            <input id="ix-valid" name="validFrom" type="date" defaultValue={params.validFrom} required />
            <div>
              <button type="submit" className="button button-secondary">
                {t("indexClause.previewButton")}
              </button>
            </div>
          </Form>
        </div>
      </div>
      {props.previewError ? (
        <p className="alert alert-warning" role="alert">
          {props.previewError}
        </p>
      ) : null}
      {preview ? (
        <div className="card" data-testid="index-preview">
          <p>
            {t(preview.carriedForward ? "indexClause.carried" : "indexClause.applies", {
              series: preview.series,
              from: preview.fromMonth,
              to: preview.toMonth,
              fromValue: preview.fromValue ?? "",
              toValue: preview.toValue ?? "",
              validFrom: formatDate(lang, preview.validFrom),
            })}
          </p>
          <IndexTable rows={preview.prices} carriedForward={preview.carriedForward} />
          <IntentForm
            intent="indexPriceList"
            fields={["reason"]}
            hidden={Object.fromEntries(INDEX_FIELDS.map((k) => [k, params[k] ?? ""]))}
            className="stack form-narrow"
          >
            {(f) => (
              <>
                <label htmlFor={f.props("reason").id}>{t("priceList.reason")}</label>
                <input {...f.props("reason")} maxLength={300} defaultValue={f.value("reason")} />
                {f.error("reason")}
                <div>
                  <IntentButton intent="indexPriceList" busy={t("priceList.saving")} className="button">
                    {t(preview.carriedForward ? "indexClause.carry" : "indexClause.apply")}
                  </IntentButton>
                </div>
              </>
            )}
          </IntentForm>
        </div>
      ) : null}
      {clause.priceIndexations.map((x) => (
        <p key={x.year} className="small" data-testid="indexation">
          {t(x.carriedForward ? "indexClause.pastCarried" : "indexClause.pastApplied", {
            year: x.year,
            series: x.series,
            from: x.fromMonth,
            to: x.toMonth,
          })}
        </p>
      ))}
    </section>
  );
}

/**
 * Each price now and by the index. Carried forward, the index's price is not the list's next price — the list stays
 * as it is this year — so its column says so rather than "after indexing".
 */
function IndexTable({ rows, carriedForward }: { rows: IndexationFieldsFragment["prices"]; carriedForward: boolean }) {
  const t = useT();
  const lang = useLang();
  const newHeading = t(carriedForward ? "indexClause.newCarried" : "indexClause.new");
  return (
    <div className="table-wrap" tabIndex={0}>
      <StackedTable columns={[t("priceList.item"), t("indexClause.old"), newHeading]}>
        <tbody>
          {rows.map((r) => (
            <tr key={r.item}>
              <th scope="row">{t(`pricedItem.${r.item}`)}</th>
              <td data-label={t("indexClause.old")} className="tabular">
                {formatMoney(lang, r.oldPrice)}
              </td>
              <td data-label={newHeading} className="tabular">
                {formatMoney(lang, r.newPrice)}
              </td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </div>
  );
}
