import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import { EmptyState } from "~/components/list-controls";
import {
  IndexClauseDocument,
  IndexationPreviewDocument,
  IndexPriceListDocument,
  PriceListPageDocument,
  RecordIndexValuesDocument,
  SetListPriceDocument,
  type ListPriceRowFragment,
} from "~/graphql/graphql";
import { INDEX_FIELDS, IndexSection, type IndexParams } from "./index-section";
import { formatDate, formatDateTime, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { field, required, runAdminForm } from "~/lib/admin-form.server";
import { apiFor } from "~/lib/api.server";
import { PRICED_ITEMS } from "~/lib/enums";
import { formError } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";
import { formatMoney, parseKronor } from "~/lib/money";
import { redirectToLogin } from "~/lib/session.server";
import { viewerOf } from "~/lib/viewer.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "priceList.title") }];

const ITEMS = PRICED_ITEMS;
const INTENTS = ["setListPrice", "recordIndexValue", "indexPriceList"] as const;
const FIELDS = ["item", "monthlyPrice", "validFrom", "reason"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  if (!viewer.sections.includes("PRICE_LIST")) throw new Response("Forbidden", { status: 403 });
  const item = ITEMS.find((i) => i === url.searchParams.get("item")) ?? ITEMS[0]!;
  const data = await api.query(PriceListPageDocument, { item });
  const canSet = viewer.sections.includes("PRICE_LIST_KEEPING");
  const params: IndexParams = Object.fromEntries(
    INDEX_FIELDS.map((k) => [k, url.searchParams.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const clause = canSet ? await api.query(IndexClauseDocument, {}) : null;
  // The preview is the API's own rule, asked with the page's query string; the apply sends the same values.
  const previewed =
    canSet && params.series && params.toMonth && params.validFrom
      ? (
          await api.query(IndexationPreviewDocument, {
            input: {
              ...params,
              series: params.series,
              toMonth: params.toMonth,
              validFrom: params.validFrom,
              reason: "-",
            },
          })
        ).priceIndexationPreview
      : null;
  return {
    item,
    current: data.priceList,
    history: data.listPriceHistory,
    canSet,
    clause,
    params,
    preview: previewed?.indexation ?? null,
    previewError: previewed?.userErrors[0]?.code ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = intentOf(form, INTENTS);
  const { api } = await apiFor(request);
  if (intent === "recordIndexValue") {
    const errors = required(form, ["series", "month", "value"]);
    return runAdminForm(intent, form, errors, async () => {
      const baseMonth = field(form, "baseMonth") || null;
      const values = [{ month: field(form, "month"), value: field(form, "value").replace(",", ".") }];
      const payload = (
        await api.mutate(RecordIndexValuesDocument, { input: { series: field(form, "series"), baseMonth, values } })
      ).recordIndexValues;
      return { userErrors: payload.userErrors, subject: field(form, "month") };
    });
  }
  if (intent === "indexPriceList") {
    const errors = required(form, ["series", "toMonth", "validFrom", "reason"]);
    return runAdminForm(intent, form, errors, async () => {
      const input = {
        series: field(form, "series"),
        fromMonth: field(form, "fromMonth") || null,
        toMonth: field(form, "toMonth"),
        validFrom: field(form, "validFrom"),
        reason: field(form, "reason"),
      };
      const payload = (await api.mutate(IndexPriceListDocument, { input })).indexPriceList;
      return { userErrors: payload.userErrors, subject: String(payload.indexation?.year ?? "") };
    });
  }
  const item = ITEMS.find((i) => i === field(form, "item"));
  const amountMinor = parseKronor(field(form, "monthlyPrice"));
  const errors = required(form, FIELDS);
  if (field(form, "monthlyPrice") && amountMinor === undefined)
    errors.push(formError("monthlyPrice", "INVALID_AMOUNT", "priceList.error.amount"));
  return runAdminForm(
    intent,
    form,
    errors,
    async () => {
      const payload = (
        await api.mutate(SetListPriceDocument, {
          input: {
            item: item!,
            monthlyPrice: { amountMinor: amountMinor!, currency: "SEK" },
            validFrom: field(form, "validFrom"),
            reason: field(form, "reason"),
          },
        })
      ).setListPrice;
      return { userErrors: payload.userErrors, subject: field(form, "validFrom") };
    },
    "validFrom",
  );
}

function PriceRows({ rows, withWho }: { rows: readonly ListPriceRowFragment[]; withWho: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <tbody>
      {rows.map((p) => (
        <tr key={`${p.item}-${p.validFrom}`} data-item={p.item} data-from={p.validFrom}>
          <th scope="row">{t(`pricedItem.${p.item}`)}</th>
          <td data-label={t("priceList.price")} className="tabular">
            {formatMoney(lang, p.monthlyPrice)}
          </td>
          <td data-label={t("priceList.validFrom")} className="nowrap">
            {formatDate(lang, p.validFrom)}
          </td>
          <td data-label={t("priceList.validTo")} className="nowrap">
            {p.validTo ? formatDate(lang, p.validTo) : t("priceList.untilFurther")}
          </td>
          {withWho ? (
            <>
              <td data-label={t("priceList.reason")}>{p.reason ?? t("priceList.noReason")}</td>
              <td data-label={t("priceList.setBy")}>
                {p.setBy?.name ?? t("priceList.system")}
                <span className="cell-note">{formatDateTime(lang, p.setAt)}</span>
              </td>
            </>
          ) : null}
        </tr>
      ))}
    </tbody>
  );
}

function PriceHead({ withWho }: { withWho: boolean }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{t("priceList.item")}</th>
        <th scope="col">{t("priceList.price")}</th>
        <th scope="col">{t("priceList.validFrom")}</th>
        <th scope="col">{t("priceList.validTo")}</th>
        {withWho ? (
          <>
            <th scope="col">{t("priceList.reason")}</th>
            <th scope="col">{t("priceList.setBy")}</th>
          </>
        ) : null}
      </tr>
    </thead>
  );
}

/**
 * The vendor's price list: what each item costs today, every price it has had and will have with who set it and
 * why, and (for the admins who keep the list) a new price from a date. Orders keep the price they were made at.
 */
export default function PriceListPage() {
  const t = useT();
  const { item, current, history, canSet, clause, params, preview, previewError } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>{t("priceList.title")}</h1>
        <p className="muted">{t("priceList.intro")}</p>
      </div>
      <SuccessNotice intents={INTENTS} />
      <section className="section" aria-labelledby="current-prices">
        <h2 id="current-prices">{t("priceList.current")}</h2>
        {current.length === 0 ? (
          <EmptyState title={t("priceList.empty")} />
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="current-prices" className="stack-on-phone">
              <PriceHead withWho={false} />
              <PriceRows rows={current} withWho={false} />
            </table>
          </div>
        )}
      </section>
      {canSet ? (
        <section className="section" aria-labelledby="new-price">
          <h2 id="new-price">{t("priceList.newPrice")}</h2>
          <p className="muted small">{t("priceList.newPriceHint")}</p>
          <IntentForm intent="setListPrice" fields={FIELDS} className="stack" aria-label={t("priceList.newPrice")}>
            {(f) => (
              <>
                <label htmlFor={f.props("item").id}>{t("priceList.item")}</label>
                <select {...f.props("item")} defaultValue={f.value("item", item)}>
                  {ITEMS.map((i) => (
                    <option key={i} value={i}>
                      {t(`pricedItem.${i}`)}
                    </option>
                  ))}
                </select>
                {f.error("item")}
                <label htmlFor={f.props("monthlyPrice").id}>{t("priceList.monthlyPrice")}</label>
                <input {...f.props("monthlyPrice")} inputMode="decimal" defaultValue={f.value("monthlyPrice")} />
                {f.error("monthlyPrice")}
                <label htmlFor={f.props("validFrom").id}>{t("priceList.validFrom")}</label>
                <input type="date" {...f.props("validFrom")} defaultValue={f.value("validFrom")} />
                {f.error("validFrom")}
                <label htmlFor={f.props("reason").id}>{t("priceList.reason")}</label>
                <input {...f.props("reason")} maxLength={500} defaultValue={f.value("reason")} />
                {f.error("reason")}
                <div>
                  <IntentButton intent="setListPrice" busy={t("priceList.saving")} className="button">
                    {t("priceList.save")}
                  </IntentButton>
                </div>
              </>
            )}
          </IntentForm>
        </section>
      ) : null}
      {clause ? (
        <IndexSection
          clause={clause}
          params={params}
          preview={preview}
          previewError={previewError ? t(`userError.${previewError}` as MessageKey) : null}
        />
      ) : null}
      <section className="section" aria-labelledby="price-history">
        <h2 id="price-history">{t("priceList.history")}</h2>
        <nav aria-label={t("priceList.historyOf")} className="filter-links">
          {ITEMS.map((i) => (
            <Link
              key={i}
              to={`/price-list?item=${i}`}
              preventScrollReset
              className={`button button-small ${i === item ? "" : "button-secondary"}`}
              aria-current={i === item ? "page" : undefined}
            >
              {t(`pricedItem.${i}`)}
            </Link>
          ))}
        </nav>
        {history.length === 0 ? (
          <EmptyState title={t("priceList.noHistory")} />
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="price-history" className="stack-on-phone">
              <caption className="visually-hidden">{t("priceList.history")}</caption>
              <PriceHead withWho />
              <PriceRows rows={history} withWho />
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
