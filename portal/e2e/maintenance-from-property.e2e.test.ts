import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, apiAs, launchBrowser, logIn, newPage, propertyIds, screenshot, expectNoSidewaysScroll } from "./support";

/**
 * Planning maintenance starts from the installation, not only from a board row: when every check is
 * up the board is empty, and support must still reach a property's maintenance form. Only those who
 * may plan maintenance (support, the customer's admin) are offered the way there.
 */
let browser: Browser;
let propertyId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const karin = await apiAs(DEMO.karin.email);
  propertyId = (await propertyIds(karin))["Kv. Majorna 12"]!;
});
afterAll(async () => {
  await browser?.close();
});

describe("maintenance from the property page", () => {
  for (const width of [1280, 390]) {
    it(`takes support from the property to its maintenance form (${width} px)`, async () => {
      const { context, page } = await newPage(browser, { width, height: 860 });
      try {
        await logIn(page, "tomas.tekniker@aptus.demo");
        await page.goto(`/properties/${encodeURIComponent(propertyId)}`);
        await page.getByRole("heading", { level: 1, name: "Kv. Majorna 12" }).waitFor();
        await screenshot(page, `property-maintenance-link-${width}`);
        await page.getByRole("link", { name: "Planera underhåll" }).click();
        await page.getByRole("heading", { level: 2, name: /Kv. Majorna 12/ }).waitFor();
        const section = page.getByTestId("maintenance");
        await section.getByText("Planera underhåll", { exact: true }).first().click();
        await section.getByRole("form", { name: "Planera underhåll" }).waitFor();
        await expectNoSidewaysScroll(page);
      } finally {
        await context.close();
      }
    });
  }

  for (const email of ["pelle@nordsak.demo", "kalle@vastkustfast.demo"])
    it(`offers no way to plan maintenance to one who may not (${email.split("@")[0]})`, async () => {
      const { context, page } = await newPage(browser, { width: 1280, height: 860 });
      try {
        await logIn(page, email);
        await page.goto(`/properties/${encodeURIComponent(propertyId)}`);
        await page.getByRole("heading", { level: 1, name: "Kv. Majorna 12" }).waitFor();
        expect(await page.getByRole("link", { name: "Planera underhåll" }).count()).toBe(0);
      } finally {
        await context.close();
      }
    });
});
