import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, apiAs, launchBrowser, logIn, newPage, propertyIds, screenshot, expectNoSidewaysScroll } from "./support";

/**
 * Systemövervakning end to end: checks made through the API, pinged over plain HTTP as an
 * installation's cron line would, then read by the customer and by support in Chromium.
 */
let browser: Browser;
const stamp = Date.now().toString(36);
const names = { alive: `Passersystem ${stamp}`, backup: `Nattlig backup ${stamp}`, broken: `Dörrcentral ${stamp}` };
let agreementId: string;
let propertyId: string;

/** A moment as a datetime-local input's value in Swedish time, as the portal reads it. */
function swedishWallClock(at: Date): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

const pingBase = () => (process.env.API_URL ?? "").replace(/\/graphql$/, "");

async function ping(key: string, signal = "", body?: Record<string, unknown>) {
  const res = await fetch(`${pingBase()}/ping/${key}${signal ? `/${signal}` : ""}`, {
    method: "POST",
    ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBe(200);
}

/** The menu (folded away on a phone) links to the page once, whichever sections lead there. */
async function menuOffersMonitoring(page: Page) {
  const links = page.getByRole("navigation", { name: "Huvudmeny" }).locator('a[href="/monitoring"]');
  expect(await links.count()).toBe(1);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const karin = await apiAs(DEMO.karin.email);
  propertyId = (await propertyIds(karin))["Kv. Masthugget 4"]!;
  type Made = { createMonitoringCheck: { pingKey: string; monitoringCheck: { id: string }; userErrors: unknown[] } };
  const create = async (input: Record<string, unknown>) => {
    const r = await karin<Made>(
      `mutation($i: CreateMonitoringCheckInput!) {
        createMonitoringCheck(input: $i) { pingKey monitoringCheck { id } userErrors { code message } }
      }`,
      { i: { propertyId, graceSeconds: 600, ...input } },
    );
    expect(r.createMonitoringCheck.userErrors).toEqual([]);
    return r.createMonitoringCheck;
  };
  const alive = await create({ kind: "HEARTBEAT", name: names.alive, periodSeconds: 600 });
  await ping(alive.pingKey);
  const backup = await create({ kind: "BACKUP_JOB", name: names.backup, cronExpression: "0 2 * * *" });
  await ping(backup.pingKey, "", { size_bytes: 50 * 1024 * 1024, duration_ms: 90_000 });
  // A backup that fails goes DOWN at once and opens a case: support's board must show it.
  const broken = await create({ kind: "BACKUP_JOB", name: names.broken, cronExpression: "0 3 * * *" });
  await ping(broken.pingKey, "fail");
  type Agreements = { agreements: { edges: { node: { id: string; monitoringChecks: { id: string }[] } }[] } };
  const { agreements } = await karin<Agreements>(
    `{ agreements(first: 100) { edges { node { id monitoringChecks { id } } } } }`,
  );
  agreementId = agreements.edges.find((e) => e.node.monitoringChecks.some((c) => c.id === alive.monitoringCheck.id))!
    .node.id;
});
afterAll(async () => {
  await browser?.close();
});

describe("monitoring in the portal", () => {
  for (const width of [1280, 390]) {
    it(`shows the customer each installation's status, uptime, 90-day strip and backups (${width} px)`, async () => {
      const { context, page } = await newPage(browser, { width, height: 860 });
      try {
        await logIn(page, DEMO.karin.email);
        await menuOffersMonitoring(page);
        await page.goto(`/monitoring?property=${encodeURIComponent(propertyId)}`);
        await page.getByRole("heading", { level: 1, name: "Övervakning" }).waitFor();
        const alive = page.getByTestId("monitoring-check").filter({ hasText: names.alive });
        await expect(alive.getByTestId("check-state").textContent()).resolves.toBe("Uppe");
        await expect(alive.getByTestId("last-seen").textContent()).resolves.toMatch(/senast hörd/);
        expect(await alive.getByTestId("daily-strip").locator("rect").count()).toBe(90);
        // Today is judged (UP); the days before the check existed are no data.
        expect(await alive.locator("rect[data-status]").last().getAttribute("data-status")).toBe("UP");
        expect(await alive.locator("rect[data-status]").first().getAttribute("data-status")).toBe("NO_DATA");
        await expect(alive.getByText("Tillgänglighet per månad")).toBeTruthy();
        const backup = page.getByTestId("monitoring-check").filter({ hasText: names.backup });
        await expect(backup.getByTestId("backups").textContent()).resolves.toMatch(/50 MB/);
        const broken = page.getByTestId("monitoring-check").filter({ hasText: names.broken });
        await expect(broken.getByTestId("check-state").textContent()).resolves.toBe("Nere");
        await expect(broken.getByTestId("incidents").textContent()).resolves.toMatch(/pågår/);
        await expectNoSidewaysScroll(page);
        await screenshot(page, `monitoring-customer-${width}`);
      } finally {
        await context.close();
      }
    });

    it(`shows support the DOWN check on the board with its case and customer (${width} px)`, async () => {
      const { context, page } = await newPage(browser, { width, height: 860 });
      try {
        await logIn(page, "tomas.tekniker@aptus.demo");
        await menuOffersMonitoring(page);
        await page.goto("/monitoring");
        await page.getByRole("heading", { level: 1, name: "Övervakningstavla" }).waitFor();
        const row = page.getByTestId("monitoring-board").locator("tr", { hasText: names.broken });
        expect(await row.getAttribute("data-state")).toBe("DOWN");
        await expect(row.getByRole("link", { name: DEMO.karin.organisation }).count()).resolves.toBe(1);
        const caseLink = row.getByRole("link", { name: /^SC-/ });
        await expectNoSidewaysScroll(page);
        await screenshot(page, `monitoring-board-${width}`);
        await caseLink.click();
        await page.waitForURL(/\/support\//);
        await page.getByText("Trygg Systemövervakning").first().waitFor();
      } finally {
        await context.close();
      }
    });
  }

  it("lets support plan maintenance from the board, shows it there as I underhåll, and end it (390 px)", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 860 });
    try {
      await logIn(page, "tomas.tekniker@aptus.demo");
      await page.goto("/monitoring");
      const row = () => page.getByTestId("monitoring-board").locator("tr", { hasText: names.broken });
      expect(await row().getAttribute("data-maintenance")).toBeNull();
      await row().getByRole("link", { name: "Kv. Masthugget 4" }).click();
      await page.getByRole("heading", { level: 2, name: /Kv. Masthugget 4/ }).waitFor();
      const section = page.getByTestId("maintenance");
      await section.getByText("Planera underhåll", { exact: true }).first().click();
      const form = section.getByRole("form", { name: "Planera underhåll" });
      await form.getByLabel("Slut").fill(swedishWallClock(new Date(Date.now() + 2 * 3600_000)));
      await form.getByLabel("Orsak").fill(`Byte av dörrcentral ${stamp}`);
      await expectNoSidewaysScroll(page);
      await form.getByRole("button", { name: "Planera underhåll" }).click();
      await section.getByText("Underhållet är planerat.").waitFor();
      const planned = section
        .getByTestId("maintenance-windows")
        .locator("li", { hasText: `Byte av dörrcentral ${stamp}` });
      await expect(planned.textContent()).resolves.toMatch(/^Pågår.*Hela installationen.*planerat av Tomas/);
      const broken = page.getByTestId("monitoring-check").filter({ hasText: names.broken });
      await broken.getByTestId("in-maintenance").waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, "monitoring-maintenance-390");
      // The board: still DOWN, now flagged in maintenance.
      await page.goto("/monitoring");
      expect(await row().getAttribute("data-state")).toBe("DOWN");
      expect(await row().getAttribute("data-maintenance")).toBe("true");
      await expect(row().getByTestId("in-maintenance").textContent()).resolves.toBe("I underhåll");
      await row().getByRole("link", { name: "Kv. Masthugget 4" }).click();
      page.once("dialog", (dialog) => void dialog.accept());
      await page
        .getByTestId("maintenance-windows")
        .locator("li", { hasText: `Byte av dörrcentral ${stamp}` })
        .getByRole("button", { name: "Avsluta" })
        .click();
      await page.getByText("Underhållet är avslutat.").waitFor();
      await page.goto("/monitoring");
      expect(await row().getAttribute("data-maintenance")).toBeNull();
    } finally {
      await context.close();
    }
  });

  it("tells a customer with nothing monitored what the add-on is, without saying its installations report in", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, "bo@brflinne.demo");
      await page.goto("/monitoring");
      await page.getByText("Inget övervakas ännu", { exact: true }).waitFor();
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).not.toContain("hör av sig till Trygg med jämna mellanrum");
      await expect(page.getByRole("link", { name: "Visa avtalen →" }).getAttribute("href")).resolves.toBe(
        "/agreements",
      );
      await screenshot(page, "monitoring-nothing-390");
    } finally {
      await context.close();
    }
  });

  it("says on the agreement what the checks last saw", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.karin.email);
      await page.goto(`/agreements/${encodeURIComponent(agreementId)}`);
      const status = page.getByTestId("monitoring-status");
      await expect(status.textContent()).resolves.toMatch(
        /^Systemet övervakas dygnet runt, alla dagar\. \d+ kontroller, \d+ med problem, senast hörd /,
      );
    } finally {
      await context.close();
    }
  });
});
