import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectNoSidewaysScroll, launchBrowser, logIn, newPage, screenshot } from "./support";

const run = Date.now().toString(36);
/** Kronor from a formatted amount ("1 234 kr"). */
const kronor = (text: string) => Number(text.replace(/[^\d,-]/g, "").replace(",", "."));

/** Records one monthly value of `series` through the page's form, as the admin types it. */
async function recordValue(page: Page, series: string, month: string, value: string): Promise<void> {
  const card = page.locator(".card", { has: page.getByRole("heading", { name: "Registrera indexvärde" }) });
  await card.getByLabel("Indexserie").fill(series);
  await card.getByLabel("Basmånad (bara för en ny serie)").fill("2020-01");
  await card.getByLabel("Månad", { exact: true }).fill(month);
  await card.getByLabel("Värde").fill(value);
  await card.getByRole("button", { name: "Spara värdet" }).click();
  await page.getByText("Indexvärdet är sparat.").waitFor();
  await page.getByText(`${month}: ${value}`).first().waitFor();
}

async function previewIndexation(page: Page, series: string, fromMonth: string, toMonth: string, validFrom: string) {
  const card = page.locator(".card", { has: page.getByRole("heading", { name: "Förhandsgranska årets indexering" }) });
  await card.getByLabel("Indexserie").fill(series);
  await card.getByLabel("Från månad (bara första gången)").fill(fromMonth);
  await card.getByLabel("Till månad").fill(toMonth);
  await card.getByLabel("Gäller från").fill(validFrom);
  await card.getByRole("button", { name: "Förhandsgranska" }).click();
  const preview = page.getByTestId("index-preview");
  await preview.waitFor();
  return preview;
}

/** Each row of the preview: the price now and after the indexation, in kronor. */
async function previewPrices(preview: Locator): Promise<{ now: number; after: number }[]> {
  const rows = await preview.locator("tbody tr").all();
  expect(rows.length).toBeGreaterThan(0);
  return Promise.all(
    rows.map(async (row) => {
      const [now, after] = await row.locator("td").allTextContents();
      return { now: kronor(now!), after: kronor(after!) };
    }),
  );
}

/**
 * The index clause on the price list, for the vendor admin (decision 0084). Applying a real change would move the list
 * prices other journeys read (the renewal quote compares a booking price), so a change above the threshold is only
 * recorded and previewed; the one applied is under the threshold, carried forward, in a year far ahead: it writes the
 * year's indexation and changes no price.
 */
describe("the index clause in the portal", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("at 1280 px: the admin records two KPI values and previews new prices = old × 105 / 100", async () => {
    const series = `KPI-e2e-${run}-a`;
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.admin.email);
      await page.goto("/price-list");
      await recordValue(page, series, "2024-01", "100");
      await recordValue(page, series, "2025-01", "105");
      const preview = await previewIndexation(page, series, "2024-01", "2025-01", "2095-01-01");
      await preview
        .getByText(new RegExp(`^${series} 2024-01 \\(100[.,0]*\\) → 2025-01 \\(105[.,0]*\\): nya priser från `))
        .waitFor();
      for (const { now, after } of await previewPrices(preview))
        expect(Math.abs(after - now * 1.05)).toBeLessThanOrEqual(0.5);
      await preview.getByRole("button", { name: "Indexera prislistan" }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, "index-clause-preview-1280");
    } finally {
      await context.close();
    }
  });

  it("at 390 px: a change under the threshold is previewed unchanged and carried forward to next year", async () => {
    const series = `KPI-e2e-${run}-b`;
    // A year of its own, far ahead (dates run to 2099), so that a rerun on the same stack most likely finds it free.
    const year = 2070 + (Date.now() % 30);
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, DEMO.admin.email);
      await page.goto("/price-list");
      await recordValue(page, series, "2024-01", "100");
      await recordValue(page, series, "2025-01", "101");
      const preview = await previewIndexation(page, series, "2024-01", "2025-01", `${year}-01-01`);
      await preview.getByText("ändras mindre än tröskeln: inga priser ändras i år").waitFor();
      // The index's prices are shown, but not as what the list will be: it stays as it is this year.
      expect(await preview.getByRole("columnheader").allTextContents()).toEqual([
        "Artikel",
        "Nu",
        "Med indexet (skjuts till nästa år)",
      ]);
      await expectNoSidewaysScroll(page);
      await preview.getByLabel("Skäl").fill("Årlig indexering enligt avtalets indexklausul");
      await preview.getByRole("button", { name: "Skjut ändringen till nästa år" }).click();
      await page.getByText("Indexeringen är gjord.").waitFor();
      await page
        .getByTestId("indexation")
        .filter({ hasText: `${year}: ${series} 2024-01 → 2025-01 under tröskeln, skjuten till nästa år.` })
        .waitFor();
      await screenshot(page, "index-clause-carried-390");
    } finally {
      await context.close();
    }
  });
});
