import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, newPage, screenshot } from "./support";

describe("the agreement page lists its support visits", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, { width: 1280, height: 900 }));
    await logIn(page, "hanna@hisingen.demo");
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("reaches the visits from the menu and from the agreement, each linking to its protocol", async () => {
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Supportbesök" }).click();
    await page.getByTestId("visit-calendar").waitFor();
    const calendarRow = page.getByTestId("visit-calendar").locator('tr[data-state="COMPLETED"]').first();
    const number = (await calendarRow.locator("td").first().textContent())!;
    const agreementNumber = number.match(/^[A-Z]+-\d+-\d+/)![0];
    await page.goto("/agreements");
    await page.getByRole("link", { name: agreementNumber }).first().click();
    await page
      .getByRole("navigation", { name: "På den här sidan" })
      .getByRole("link", { name: "Supportbesök" })
      .click();
    const visits = page.getByTestId("agreement-visits");
    await visits.waitFor();
    expect(await visits.locator('tr[data-state="COMPLETED"]').count()).toBe(3);
    await visits.locator('tr[data-state="COMPLETED"]').first().getByRole("link").click();
    await page.getByTestId("visit-checks").waitFor();
    expect(page.url()).toContain("/visits/");
    await screenshot(page, "agreement-visits");
  });
});
