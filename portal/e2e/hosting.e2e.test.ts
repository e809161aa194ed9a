import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, DEMO, expectNoSidewaysScroll, launchBrowser, logIn, newPage, propertyIds, screenshot } from "./support";

/**
 * Aptus Hosting's records end to end: the demo's Västkustens Fastigheter runs Bokning one release
 * behind; support sees it on the dashboard, records the update on the customer's page, and the
 * dashboard and the customer's own "Drift" show it. The backups come from a backup check's pings.
 */
let browser: Browser;
const stamp = Date.now().toString(36);
const backupName = `Hostad backup ${stamp}`;
const otherBackupName = `Annan backup ${stamp}`;

const pingBase = () => (process.env.API_URL ?? "").replace(/\/graphql$/, "");

beforeAll(async () => {
  browser = await launchBrowser();
  const karin = await apiAs(DEMO.karin.email);
  const ids = await propertyIds(karin);
  type Made = { createMonitoringCheck: { pingKey: string; userErrors: unknown[] } };
  // Two installations of the hosted customer back up, each its own size: their trends must not mix.
  for (const [property, name, sizes] of [
    ["Kv. Majorna 12", backupName, [1.5, 1.6]],
    ["Kv. Masthugget 4", otherBackupName, [0.4]],
  ] as const) {
    const made = await karin<Made>(
      `mutation($i: CreateMonitoringCheckInput!) {
        createMonitoringCheck(input: $i) { pingKey userErrors { code message } }
      }`,
      { i: { propertyId: ids[property]!, kind: "BACKUP_JOB", name, cronExpression: "0 2 * * *", graceSeconds: 600 } },
    );
    expect(made.createMonitoringCheck.userErrors).toEqual([]);
    for (const size of sizes) {
      const res = await fetch(`${pingBase()}/ping/${made.createMonitoringCheck.pingKey}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ size_bytes: Math.round(size * 1024 ** 3), duration_ms: 120_000 }),
      });
      expect(res.status).toBe(200);
    }
  }
});
afterAll(async () => {
  await browser?.close();
});

describe("hosting records in the portal", () => {
  it("lets support find the outdated service on the dashboard, record its update, and see the list empty", async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    try {
      await logIn(page, "tomas.tekniker@aptus.demo");
      const panel = page.getByTestId("outdated-hosting");
      const row = panel.locator("li", { hasText: DEMO.karin.organisation });
      await expect(row.textContent()).resolves.toMatch(/Bokning 2\.2\.0 – senaste 2\.3\.0/);
      await row.getByRole("link", { name: DEMO.karin.organisation }).click();
      await page.getByRole("heading", { level: 2, name: "Drift – Aptus Hosting" }).waitFor();
      const hosting = page.getByTestId("hosting");
      const bokning = hosting.getByTestId("hosted-services").locator('li[data-service="BOKNING"]');
      expect(await bokning.getAttribute("data-outdated")).toBe("true");

      const form = page.getByRole("form", { name: "Registrera uppdatering" });
      await form.getByLabel("Tjänst").selectOption("BOKNING");
      // The same version after as before is refused beside the field, in the portal's words.
      await form.getByLabel("Version före").fill("2.2.0");
      await form.getByLabel("Version efter").fill("2.2");
      await form.getByRole("button", { name: "Registrera uppdatering" }).click();
      await page.getByText("Versionen efter måste skilja sig från versionen före.").waitFor();
      await form.getByLabel("Version efter").fill("2.3.0");
      await form.getByRole("button", { name: "Registrera uppdatering" }).click();
      await page.getByText("Uppdateringen är registrerad.").waitFor();
      await hosting.locator('li[data-service="BOKNING"][data-outdated="false"]').waitFor();
      await expect(bokning.textContent()).resolves.toMatch(/2\.3\.0.*senaste.*Tomas Tekniker/);
      await screenshot(page, "hosting-support-1280");

      await page.goto("/");
      await page
        .locator('[data-panel="outdated-hosting"]')
        .getByText("Alla hostade tjänster kör senaste version.")
        .waitFor();
    } finally {
      await context.close();
    }
  });

  for (const width of [1280, 390]) {
    it(`shows the customer its Drift: services on the latest version and the backups' size trend (${width} px)`, async () => {
      const { context, page } = await newPage(browser, { width, height: 860 });
      try {
        await logIn(page, DEMO.karin.email);
        await page.goto("/monitoring");
        await page.getByRole("heading", { level: 2, name: "Drift – Aptus Hosting" }).waitFor();
        const hosting = page.getByTestId("hosting");
        const bokning = hosting.getByTestId("hosted-services").locator('li[data-service="BOKNING"]');
        await expect(bokning.textContent()).resolves.toMatch(/2\.3\.0/);
        expect(await bokning.getAttribute("data-outdated")).toBe("false");
        // One chart per backup check, named by its installation: each draws its own runs only, however many
        // other checks of the customer back up (the other installation's, the demo's, the visit prefill's).
        const own = hosting.getByRole("figure", { name: `Kv. Majorna 12 · ${backupName}` });
        expect(await own.locator('rect[data-succeeded="true"]').count()).toBe(2);
        const other = hosting.getByRole("figure", { name: `Kv. Masthugget 4 · ${otherBackupName}` });
        expect(await other.locator('rect[data-succeeded="true"]').count()).toBe(1);
        await expect(hosting.getByTestId("hosting-backups").textContent()).resolves.toMatch(/1,6 GB – klar/);
        await expect(hosting.getByTestId("restore-tests").textContent()).resolves.toMatch(/fungerade/);
        // The customer reads; recording is the vendor's.
        expect(await page.getByRole("form", { name: "Registrera uppdatering" }).count()).toBe(0);
        await expectNoSidewaysScroll(page);
        await screenshot(page, `hosting-customer-${width}`);
      } finally {
        await context.close();
      }
    });
  }
});
