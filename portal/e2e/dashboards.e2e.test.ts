import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, newPage, screenshot } from "./support";

const TOMAS = "tomas.tekniker@aptus.demo";
const KALLE = "kalle@vastkustfast.demo";

/** Every link the dashboard shows, as paths to open (in-page anchors aside). */
async function dashboardLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator(".dashboard a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => href.startsWith("/")))];
}

/** Each link opens a page the viewer may see: no 403, no 404, no error page. */
async function expectLinksOpen(context: BrowserContext, links: readonly string[]): Promise<void> {
  for (const link of links) {
    const response = await context.request.get(link, { maxRedirects: 0 });
    expect.soft(response.status(), link).toBe(200);
  }
}

async function tileIds(page: Page): Promise<string[]> {
  return page.locator("[data-tile]").evaluateAll((tiles) => tiles.map((t) => t.getAttribute("data-tile") ?? ""));
}

async function shootBothWidths(page: Page, name: string): Promise<void> {
  await screenshot(page, `dashboard-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.locator("[data-tile]").first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${name} at 390 px`).toBeLessThanOrEqual(390);
  await screenshot(page, `dashboard-${name}-390`);
}

const ROLES = [
  { name: "large-owner", email: DEMO.karin.email, tiles: ["agreements", "expiring", "waiting-on-customer", "open-cases", "items-past-date", "properties", "updates"], text: [/Supporten (har öppet nu|har stängt)/, "Dina avtal", "Handlingsplan"] },
  { name: "customer-member", email: KALLE, tiles: ["agreements", "expiring", "waiting-on-customer", "open-cases", "items-past-date", "properties", "updates"], text: ["Dina avtal"] },
  { name: "brf", email: DEMO.britt.email, tiles: ["agreements", "expiring", "waiting-on-customer", "open-cases", "items-past-date", "properties", "updates"], text: [/Supporten (har öppet nu|har stängt)/, "Dina avtal"] },
  { name: "seller", email: DEMO.sara.email, tiles: ["expiring-30", "expiring-60", "expiring-90", "overdue-items", "waiting-on-vendor"], text: ["Går ut de närmaste 90 dagarna", "Värde per år"] },
  { name: "partner", email: DEMO.petra.email, tiles: ["agreements", "expiring", "own-items", "updates", "routed-cases"], text: ["Dina kunders avtal", "Dina åtgärder"] },
  { name: "support", email: TOMAS, tiles: ["open-cases", "overdue-cases", "near-deadline"], text: [] },
  { name: "admin", email: DEMO.admin.email, tiles: ["expiring-30", "expiring-60", "expiring-90", "overdue-items", "waiting-on-vendor", "open-cases", "overdue-cases", "near-deadline"], text: ["Går ut de närmaste 90 dagarna"] },
] as const;

describe("dashboards: each role's first question on the first screen", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const role of ROLES) {
    it(`shows the ${role.name} its tiles, and every link opens a page it may see`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await logIn(page, role.email);
        expect(await tileIds(page)).toEqual([...role.tiles]);
        const main = (await page.locator("main").textContent()) ?? "";
        for (const text of role.text) expect(main).toMatch(text);
        const links = await dashboardLinks(page);
        // The support queue's page comes with the support-portal branch; until then its counts link nowhere.
        if (role.name !== "support") expect(links.length).toBeGreaterThan(0);
        await expectLinksOpen(context, links);
        await shootBothWidths(page, role.name);
      } finally {
        await context.close();
      }
    });
  }

  it("shows a customer no link to a list it cannot open (no organisations, no worklist for a member)", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.karin.email);
      const links = await dashboardLinks(page);
      expect(links.filter((l) => l.startsWith("/organisations"))).toEqual([]);
      // The customer's expiring count is the number of expiring agreements its list shows.
      const expiring = Number(await page.locator("[data-tile=expiring] .tile-value").textContent());
      await page.locator("[data-tile=expiring] a").click();
      await page.waitForURL((url) => url.searchParams.get("status") === "EXPIRING");
      expect(await page.locator("tbody th[scope=row]").count()).toBe(expiring);
    } finally {
      await context.close();
    }
  });
});

describe("CSV export", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("downloads the filtered agreement list for Swedish Excel: BOM, ';', every row the list has", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.admin.email);
      await page.goto("/agreements?status=valid&tier=PLUS_500&size=50");
      const listed = (await page.locator("tbody th[scope=row]").allTextContents()).map((n) => n.trim());
      expect(listed.length).toBeGreaterThan(0);
      const link = page.getByRole("link", { name: "Exportera CSV" });
      expect(await link.getAttribute("href")).toBe("/agreements/csv?status=valid&tier=PLUS_500");

      const response = await context.request.get("/agreements/csv?status=valid&tier=PLUS_500");
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      const body = await response.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString("utf8").slice(1).trimEnd().split("\r\n");
      expect(lines[0]).toBe("Avtal;Kund;Partner;Avtalsnivå;Status;Startar;Slutar;Uppsagt till;Dagar kvar");
      const rows = lines.slice(1).map((line) => line.split(";"));
      expect(rows.map((r) => r[0]).sort()).toEqual([...listed].sort());
      for (const row of rows) {
        expect(row).toHaveLength(9);
        expect(["Aktivt", "Löper ut snart"]).toContain(row[4]);
      }
    } finally {
      await context.close();
    }
  });

  it("gives a customer a file of only its own properties, with the search applied", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.karin.email);
      const own = await context.request.get("/properties/csv");
      const ownRows = (await own.text()).trimEnd().split("\r\n").slice(1);
      expect(ownRows.map((r) => r.split(";")[0]).sort()).toEqual(["Kv. Kungsladugård 7", "Kv. Majorna 12", "Kv. Masthugget 4"]);
      const filtered = await context.request.get("/properties/csv?q=majorna");
      expect((await filtered.text()).trimEnd().split("\r\n").slice(1).map((r) => r.split(";")[0])).toEqual(["Kv. Majorna 12"]);
    } finally {
      await context.close();
    }
  });
});
