import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAILS, startTestApi, type TestApi } from "./support.js";

/** Issue 21's index clause over HTTP: the yearly indexation of the list, previewed and applied, and who may. */
let api: TestApi;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  for (const who of ["admin", "karin"] as const) tokens[who] = await api.login(DEMO_EMAILS[who]);
  tokens.sara = await api.login("sara.saljare@aptus.demo");
});
afterAll(() => api?.close());

const RECORD = `mutation($i: RecordIndexValuesInput!) { recordIndexValues(input: $i) { series { name baseMonth values { month value } } userErrors { code field } } }`;
const FIELDS = `series year fromMonth toMonth fromValue toValue validFrom carriedForward reason
  prices { item oldPrice { amountMinor } newPrice { amountMinor } }`;
const PREVIEW = `query($i: IndexPriceListInput!) { priceIndexationPreview(input: $i) { indexation { ${FIELDS} } userErrors { code field } } }`;
const APPLY = `mutation($i: IndexPriceListInput!) { indexPriceList(input: $i) { indexation { ${FIELDS} } userErrors { code field } } }`;
const LIST = `query($on: Date) { priceList(on: $on) { item monthlyPrice { amountMinor } } }`;

/** The list on a day, item → öre. */
async function listOn(on: string): Promise<Record<string, number>> {
  const r = await api.gql(LIST, { on }, tokens.admin);
  return Object.fromEntries(r.data.priceList.map((p: any) => [p.item, p.monthlyPrice.amountMinor]));
}

/** The expected new price, in kronor rounded half up, from values with two decimals (exact in integers). */
const indexed = (old: number, from: number, to: number) =>
  Math.floor((2 * old * to + from * 100) / (2 * from * 100)) * 100;

describe("the index clause", () => {
  it("is the admin's: sellers read it, customers do not, and only admins record or index", async () => {
    const values = { series: "KPI", baseMonth: "1980-01", values: [{ month: "2025-10", value: "400.00" }] };
    expect((await api.gql(RECORD, { i: values }, tokens.sara)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.gql(`{ priceIndexSeries { name } }`, {}, tokens.karin)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    const input = { series: "KPI", toMonth: "2026-10", fromMonth: "2025-10", validFrom: "2027-01-01", reason: "x" };
    expect((await api.gql(PREVIEW, { i: input }, tokens.sara)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.gql(APPLY, { i: input }, tokens.karin)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.gql(`{ priceIndexSeries { name } }`, {}, tokens.sara)).data.priceIndexSeries).toEqual([]);
  });

  it("indexes once a year as previewed, carries a small change forward, and names a missing month", async () => {
    const recorded = await api.gql(
      RECORD,
      {
        i: {
          series: "KPI",
          baseMonth: "1980-01",
          values: [
            { month: "2025-10", value: "400.00" },
            { month: "2026-10", value: "412.34" },
            { month: "2027-10", value: "418.00" },
            { month: "2028-10", value: "425.50" },
          ],
        },
      },
      tokens.admin,
    );
    expect(recorded.data.recordIndexValues.userErrors).toEqual([]);
    const before = await listOn("2027-01-01");
    const first = {
      series: "KPI",
      fromMonth: "2025-10",
      toMonth: "2026-10",
      validFrom: "2027-01-01",
      reason: "Avtal §7",
    };
    const preview = await api.gql(PREVIEW, { i: first }, tokens.admin);
    expect(preview.data.priceIndexationPreview.userErrors).toEqual([]);
    const shown = preview.data.priceIndexationPreview.indexation;
    expect(shown.carriedForward).toBe(false);
    for (const p of shown.prices) expect(p.newPrice.amountMinor).toBe(indexed(before[p.item]!, 40000, 41234));
    expect(await listOn("2027-01-01")).toEqual(before);

    const applied = await api.gql(APPLY, { i: first }, tokens.admin);
    expect(applied.data.indexPriceList.userErrors).toEqual([]);
    expect(applied.data.indexPriceList.indexation.prices).toEqual(shown.prices);
    const after = await listOn("2027-01-01");
    expect(after).toEqual(Object.fromEntries(shown.prices.map((p: any) => [p.item, p.newPrice.amountMinor])));
    expect(await listOn("2026-12-31")).toEqual(before);
    const history = await api.gql(
      `{ listPriceHistory(item: BOOKING) { validFrom reason setBy { name } } }`,
      {},
      tokens.admin,
    );
    expect(history.data.listPriceHistory.at(-1)).toEqual({
      validFrom: "2027-01-01",
      reason: "Indexering KPI 2025-10 → 2026-10: Avtal §7",
      setBy: { name: "Anna Admin" },
    });

    const again = await api.gql(APPLY, { i: { ...first, validFrom: "2027-06-01" } }, tokens.admin);
    expect(again.data.indexPriceList.userErrors).toEqual([
      { code: "ALREADY_INDEXED_THIS_YEAR", field: ["input", "validFrom"] },
    ]);

    // 2027-10 over 2026-10 is +1.37 %, under 2 %: carried forward, nothing changes.
    const small = { series: "KPI", toMonth: "2027-10", validFrom: "2028-01-01", reason: "Årlig indexering" };
    const carried = await api.gql(APPLY, { i: small }, tokens.admin);
    expect(carried.data.indexPriceList.indexation).toMatchObject({ fromMonth: "2026-10", carriedForward: true });
    expect(await listOn("2028-01-01")).toEqual(after);

    // The next year starts from the month carried forward: 425.50 / 412.34 is +3.19 %.
    const next = { series: "KPI", toMonth: "2028-10", validFrom: "2029-01-01", reason: "Årlig indexering" };
    const third = await api.gql(APPLY, { i: next }, tokens.admin);
    expect(third.data.indexPriceList.indexation).toMatchObject({ fromMonth: "2026-10", carriedForward: false });
    const later = await listOn("2029-01-01");
    for (const [item, old] of Object.entries(after)) expect(later[item]).toBe(indexed(old, 41234, 42550));

    const missing = await api.gql(
      PREVIEW,
      { i: { series: "KPI", toMonth: "2029-10", validFrom: "2030-01-01", reason: "x" } },
      tokens.admin,
    );
    expect(missing.data.priceIndexationPreview.userErrors).toEqual([
      { code: "INDEX_VALUE_MISSING", field: ["input", "toMonth"] },
    ]);
    const listed = await api.gql(`{ priceIndexations { year carriedForward } }`, {}, tokens.sara);
    expect(listed.data.priceIndexations).toEqual([
      { year: 2029, carriedForward: false },
      { year: 2028, carriedForward: true },
      { year: 2027, carriedForward: false },
    ]);
  });
});
