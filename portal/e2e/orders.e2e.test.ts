import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, launchBrowser, logIn, newPage, screenshot } from "./support";

const CUSTOMER_ADMIN = "karin@vastkustfast.demo";
const SELLER = "sara.saljare@aptus.demo";

/** "16 / 23" from the quota meter. */
function quotaOf(text: string | null): number {
  return Number((text ?? "").split("/")[1]!.replace(/\D/g, ""));
}

/**
 * Västkusten's active agreement, found by the API rather than on a list page: other journeys of the same run add
 * agreements that can push it off the seller's first page.
 */
async function openVastkust(page: Page): Promise<void> {
  const karin = await apiAs(CUSTOMER_ADMIN);
  type List = { agreements: { edges: { node: { id: string; customer: { name: string } } }[] } };
  const { agreements } = await karin<List>(
    `{ agreements(first: 20, filter: { status: [ACTIVE] }) { edges { node { id customer { name } } } } }`,
  );
  const [vastkust] = agreements.edges.filter((e) => e.node.customer.name === "Västkustens Fastigheter AB");
  await page.goto(`/agreements/${encodeURIComponent(vastkust!.node.id)}`);
  await page.getByRole("heading", { level: 1, name: /^Avtal TA-/ }).waitFor();
}

describe("paid orders", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a customer admin sees the monthly cost at list price before confirming a rental, and cannot choose a price", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, CUSTOMER_ADMIN);
      await openVastkust(page);
      const section = page.locator("#licences");
      const quotaBefore = quotaOf(await page.getByTestId("hantera-quota").textContent());

      // The price list is shown; there is no price to fill in.
      await section
        .getByTestId("price-list")
        .getByText(/Hantera 150\skr/)
        .waitFor();
      expect(await section.getByLabel(/pris/i).count()).toBe(0);

      await section.getByLabel("Licens", { exact: true }).selectOption("HANTERA");
      await section.getByLabel("Antal", { exact: true }).fill("3");
      await section.getByRole("button", { name: "Visa pris" }).click();

      // The confirmation: 3 × 150 kr a month, and nothing rented yet.
      const confirmation = section.getByTestId("order-confirmation");
      await confirmation.getByRole("heading", { name: "Bekräfta beställningen" }).waitFor();
      await expect(confirmation.getByTestId("quote-monthly-cost").textContent()).resolves.toMatch(/^450\skr$/);
      expect(quotaOf(await page.getByTestId("hantera-quota").textContent())).toBe(quotaBefore);
      await screenshot(page, "order-confirmation");

      await confirmation.getByRole("button", { name: "Bekräfta och beställ" }).click();
      await section.getByText("Licenserna är hyrda.").waitFor();
      await page
        .getByTestId("hantera-quota")
        .filter({ hasText: new RegExp(`/ ${quotaBefore + 3}$`) })
        .waitFor();
      await section
        .locator("tbody tr")
        .filter({ hasText: "Hantera" })
        .filter({ hasText: /450\skr/ })
        .first()
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it("a seller agrees a lower price only with a reason, and the rental shows both prices", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, SELLER);
      await openVastkust(page);
      const section = page.locator("#licences");
      await section.getByLabel("Licens", { exact: true }).selectOption("CONSUMPTION");
      await section.getByLabel("Antal", { exact: true }).fill("50");
      await section.getByLabel("Avtalat pris per månad (kr, valfritt)").fill("150");
      await section.getByRole("button", { name: "Visa pris" }).click();
      await section.getByText("Ange skälet till att priset avviker från listpriset.").waitFor();

      await section.getByLabel("Skäl till avtalat pris").fill("Pilotprojekt förbrukning");
      await section.getByRole("button", { name: "Visa pris" }).click();
      const confirmation = section.getByTestId("order-confirmation");
      await expect(confirmation.getByTestId("quote-monthly-cost").textContent()).resolves.toMatch(/^200\skr$/);
      await confirmation.getByText(/150\skr per månad · Pilotprojekt förbrukning/).waitFor();
      await confirmation.getByRole("button", { name: "Bekräfta och beställ" }).click();
      await section.getByText("Licenserna är hyrda.").waitFor();
      await section.getByText(/Listpris 200\skr: Pilotprojekt förbrukning/).waitFor();
    } finally {
      await context.close();
    }
  });
});
