import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, openFromMenu, newPage, screenshot, expectNoSidewaysScroll } from "./support";

/**
 * A partner admin's webhooks page, at a desk and on a phone. The addresses are in TEST-NET-3 (203.0.113.0/24, kept for
 * documentation and never routed): public by the rules, never reached, so the deliveries fail, as the log must show.
 */
describe("webhooks", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const viewport of [
    { width: 1280, height: 860 },
    { width: 390, height: 844 },
  ]) {
    it(`lets a partner admin register an endpoint, see the secret once, send a test and send again (${viewport.width} px)`, async () => {
      const { context, page } = await newPage(browser, viewport);
      const url = `https://203.0.113.10/trygg-e2e-${viewport.width}-${Date.now()}`;
      try {
        await logIn(page, DEMO.petra.email);
        await openFromMenu(page, "Webhooks");
        await page.waitForURL((u) => u.pathname === "/webhooks");
        await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();

        // An address inside a private network is refused, in Swedish, at the field.
        await page.getByLabel("Adress (https://)").fill("https://10.0.0.7/hook");
        await page.getByRole("button", { name: "Lägg till", exact: true }).click();
        await page.getByText("Adressen pekar in i ett internt nät", { exact: false }).waitFor();

        await page.getByLabel("Adress (https://)").fill(url);
        await page.getByLabel("Vad är det för system? (valfritt)").fill("Ärendesystemet");
        await page.getByRole("checkbox", { name: "Larm avslutas" }).uncheck();
        await page.getByRole("button", { name: "Lägg till", exact: true }).click();
        await page.getByRole("heading", { name: "Kopiera signeringshemligheten nu" }).waitFor();
        const secret = await page.getByLabel(`Hemlighet för ${url}`).inputValue();
        expect(secret).toMatch(/^whsec_/);
        const card = page.locator(`li[data-endpoint-url="${url}"]`);
        await card.getByText("Aktiv").waitFor();
        expect(await card.textContent()).not.toContain("Larm avslutas");
        await expectNoSidewaysScroll(page);
        await screenshot(page, `webhooks-registered-${viewport.width}`);

        // Shown once: gone after a reload.
        await page.reload();
        expect(await page.content()).not.toContain(secret);

        await page.waitForLoadState("networkidle");
        await card.getByRole("link", { name: url }).click();
        await page.getByRole("heading", { name: `Leveranslogg för ${url}` }).waitFor();
        await card.getByRole("button", { name: "Skicka testhändelse" }).click();
        await page.getByText("Testhändelsen skickas inom några sekunder.", { exact: false }).waitFor();
        const log = page.locator("table[data-delivery-log]");
        await log.getByText("Testhändelse").waitFor();
        // The delivery job tries it within seconds; the unreachable address fails, and the log says so.
        await expect
          .poll(
            async () => {
              await page.reload();
              return log.getByText("1 försök").count();
            },
            { timeout: 30_000, interval: 1_000 },
          )
          .toBeGreaterThan(0);
        await expectNoSidewaysScroll(page);
        await screenshot(page, `webhooks-log-${viewport.width}`);
        await page.waitForLoadState("networkidle");
        await log.getByRole("button", { name: "Skicka igen" }).first().click();
        await page.getByText("Leveransen skickas igen inom några sekunder.").waitFor();

        await page.waitForLoadState("networkidle");
        await card.getByRole("button", { name: "Byt hemlighet" }).click();
        await page.getByRole("heading", { name: "Kopiera signeringshemligheten nu" }).waitFor();
        expect(await page.getByLabel(`Hemlighet för ${url}`).inputValue()).not.toBe(secret);

        await page.waitForLoadState("networkidle");
        await card.getByRole("button", { name: "Ta bort" }).click();
        await page.getByText("Adressen är borttagen.", { exact: false }).waitFor();
        await expect.poll(() => page.locator(`li[data-endpoint-url="${url}"]`).count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});
