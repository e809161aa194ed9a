import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, newPage, screenshot } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The terminated demo agreement (Kv. Kungsladugård 7, sold): opened from the list filtered to terminated ones. */
async function openTerminated(page: Page): Promise<string> {
  await page.goto("/agreements?status=TERMINATED");
  const link = page.locator("main table tbody a").first();
  const href = (await link.getAttribute("href"))!;
  await page.goto(href);
  return href;
}

describe("the rough edges a new user met", () => {
  it("a terminated agreement's tailoring shows no steps to do, and its benefits are shown as ended", async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await newPage(browser, { width, height: 860 });
      try {
        await logIn(page, DEMO.admin.email);
        const href = await openTerminated(page);
        const tier = page.locator("section", { has: page.getByRole("heading", { name: /^Det här ingår i/ }) });
        await tier.getByText("Avtalet gäller inte längre, så inget av detta ingår nu.").waitFor();
        expect(await tier.getByText("(ingår inte)").count()).toBeGreaterThan(0);

        await page.goto(`${href}/tailoring`);
        await page.getByText("Avtalet är inte giltigt. En genomgång kräver ett aktivt avtal.").waitFor();
        // Nothing was begun and nothing can be: no five steps "to do", no invitation to contact the seller.
        expect(await page.getByRole("list", { name: "De fem stegen" }).count()).toBe(0);
        expect(await page.getByText("Första steget är att kontakta din säljare", { exact: false }).count()).toBe(0);
        await screenshot(page, `rough-terminated-tailoring-${width}`);
      } finally {
        await context.close();
      }
    }
  });

  it("the agreement list opens on current agreements; ended ones, chosen, are not clipped at 1280 px", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.admin.email);
      const cells = page.locator("main table tbody td").filter({ hasText: /^Slutade för \d+ dag(ar)? sedan$/ });
      await page.goto("/agreements?first=50");
      await page.locator("main table tbody tr").first().waitFor();
      expect(await cells.count()).toBe(0);
      await page.getByLabel("Status").selectOption({ label: "Alla statusar" });
      await page.getByRole("button", { name: "Filtrera" }).click();
      await page.waitForURL((url) => url.searchParams.get("status") === "all");
      // Fifty rows of every status, the ended ones among them.
      await page.goto("/agreements?status=all&first=50");
      await cells.first().waitFor();
      expect(await cells.count()).toBeGreaterThan(0);
      const clipped = await cells.evaluateAll(
        (tds) =>
          tds.filter(
            (td) => td.scrollWidth > td.clientWidth + 1 || td.getBoundingClientRect().right > window.innerWidth,
          ).length,
      );
      expect(clipped).toBe(0);
      await screenshot(page, "rough-agreement-list-1280");
    } finally {
      await context.close();
    }
  });

  it("an impossible date or a broken cursor in a list link is said on the list page, which still lists from the first page", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.sara.email);
      const bad = await page.goto("/agreements?endingBefore=2026-13-45");
      expect(bad?.status()).toBe(400);
      await page.getByRole("heading", { level: 1, name: "Avtal" }).waitFor();
      await page.getByRole("alert").filter({ hasText: "”2026-13-45” är inget giltigt datum" }).waitFor();
      expect(await page.locator("main table tbody tr").count()).toBeGreaterThan(0);
      expect(await page.getByLabel("Slutar före").inputValue()).toBe("");
      await screenshot(page, "rough-bad-date");

      const cursor = await page.goto("/organisations?after=not-a-cursor");
      expect(cursor?.status()).toBe(400);
      await page.getByRole("heading", { level: 1, name: "Organisationer" }).waitFor();
      await page.getByRole("alert").filter({ hasText: "Länken pekade på en sida som inte finns" }).waitFor();
      expect(await page.locator("main table tbody tr").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it("the address a visit's follow-up forms post to, opened, leads to the visit's page rather than a server error", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.admin.email);
      await page.goto("/visits");
      const visit = (await page.locator("main table tbody a").first().getAttribute("href"))!;
      const response = await page.goto(`${visit}/follow-up`);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(visit);
      await page.getByRole("heading", { level: 1, name: "Supportbesök" }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("a finished visit's protocol form says it is closed under its heading, and leads to the visit", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.tomas.email);
      await page.goto("/visits");
      const visit = (await page.locator('main tr[data-state="COMPLETED"] a').first().getAttribute("href"))!;
      await page.goto(`${visit}/protocol`);
      await page.getByRole("heading", { level: 1, name: "Besöksprotokoll" }).waitFor();
      await page.getByText("Besöket är avslutat; protokollet är låst.").waitFor();
      await page.getByRole("link", { name: "Till besöket och dess protokoll →" }).click();
      await page.waitForURL((url) => url.pathname === visit);
    } finally {
      await context.close();
    }
  });
});
