import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, newPage, pathOf, screenshot } from "./support";

const SELLER = "sara.saljare@aptus.demo";
const BRF_ADMIN = "bo@brflinne.demo";
const MEMBER = "kalle@vastkustfast.demo";

/** The agreements list through the menu, as a user finds it. */
async function openAgreementsList(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Avtal", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/agreements");
  await page.getByRole("heading", { level: 1, name: "Avtal" }).waitFor();
}

/**
 * Opens the demo's agreement in the list rows that mention `customer` and show `status`. Journeys that ran before may
 * have added agreements of the same customer and status (proposals.e2e.test.ts activates two for Brf Linnégatan 12),
 * and the files' order is vitest's, which changes with its cache of earlier runs; the demo's own agreement was
 * numbered before theirs.
 */
async function openAgreement(page: Page, customer: string, status: string): Promise<void> {
  const links = page.locator("tbody tr").filter({ hasText: customer }).filter({ hasText: status }).getByRole("link");
  await links.first().waitFor();
  const [demo] = (await links.allTextContents()).map((number) => number.trim()).sort();
  await page.getByRole("link", { name: `Avtal ${demo} för ${customer}`, exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/agreements/") && url.pathname !== "/agreements/new");
  await page.getByRole("heading", { level: 1, name: /^Avtal TA-/ }).waitFor();
}

/** "3 / 5" from the quota meter. */
async function quota(page: Page): Promise<{ used: number; quota: number }> {
  const text = (await page.getByTestId("hantera-quota").textContent()) ?? "";
  const [used, total] = text.split("/").map((part) => Number(part.replace(/\D/g, "")));
  return { used: used!, quota: total! };
}

function quotaShows(page: Page, text: string): Promise<void> {
  return page
    .getByTestId("hantera-quota")
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();
}

function addYear(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year! + 1}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

describe("agreements", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a seller renews the expiring agreement after reading what would lapse", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, SELLER);
      await openAgreementsList(page);
      const row = page.locator("tbody tr").filter({ hasText: "Älvstrandens Hyresbostäder AB" });
      await row.getByText("Löper ut snart").waitFor();
      await row.getByText("30 dagar kvar").waitFor();
      await screenshot(page, "agreements-list");

      // Filtering on status narrows the list to the expiring one.
      await page.getByLabel("Status").selectOption("EXPIRING");
      await page.getByRole("button", { name: "Filtrera" }).click();
      await page.waitForURL((url) => url.searchParams.get("status") === "EXPIRING");
      await page.getByText("Visar 1 av 1").waitFor();
      expect(await page.locator("tbody tr").count()).toBe(1);

      await openAgreement(page, "Älvstrandens Hyresbostäder AB", "Löper ut snart");
      const banner = page.getByTestId("renewal-banner");
      await banner.getByRole("heading", { name: /^Avtalet löper ut .* – 30 dagar kvar$/ }).waitFor();
      const lapse = banner.getByRole("list", { name: "Det här upphör utan förnyelse" });
      const items = await lapse.getByRole("listitem").allTextContents();
      expect(items).toEqual([
        "Det årliga supportbesöket på plats, med protokoll",
        "4 Hantera-konton i bruk står utan avtal",
        "200 hyrda licenser för Förbrukning",
        "Aptus Hosting av Bokning, Förbrukning, FDB",
        "Uppdateringar till de senaste versionerna av Multi-access, Hantera och Aptusportal",
      ]);
      await expect(page.getByTestId("periods").getByRole("listitem").count()).resolves.toBe(1);
      await screenshot(page, "agreement-expiring");

      // A year after the current end; the new period starts the day after it.
      const newEnd = banner.getByLabel("Ny period slutar");
      const currentEnd = dayBefore((await newEnd.getAttribute("min"))!);
      await newEnd.fill(addYear(currentEnd));
      await banner.getByLabel("För över pågående licenshyror till den nya perioden").check();
      await banner.getByRole("button", { name: "Förnya" }).click();

      await page.getByText("Avtalet är förnyat med en ny period.").waitFor();
      await page.getByRole("heading", { level: 1 }).getByText("Aktivt").waitFor();
      expect(await page.getByTestId("renewal-banner").count()).toBe(0);
      const periods = page.getByTestId("periods").getByRole("listitem");
      await expect(periods.count()).resolves.toBe(2);
      await periods.nth(0).getByText("Nuvarande").waitFor();
      await periods.nth(1).getByText("Kommande").waitFor();
      // The consumption rental was carried into the new period.
      await page.locator("#licences").getByText("Överförd").waitFor();
      await screenshot(page, "agreement-renewed");
    } finally {
      await context.close();
    }
  });

  it("a BRF's customer admin fills the Hantera quota and is refused one account more", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, BRF_ADMIN);
      await openAgreementsList(page);
      await openAgreement(page, "Brf Linnégatan 12", "Aktivt");
      const section = page.locator("#hantera");
      const start = await quota(page);
      expect(start.quota).toBe(5);

      // However many places are free now (other journeys may have used some), fill them.
      const run = Date.now().toString(36);
      for (let n = start.used + 1; n <= start.quota; n += 1) {
        await section.getByLabel("Namn").fill(`Styrelseledamot ${n}`);
        await section.getByLabel("E-postadress").fill(`ledamot${n}-${run}@brflinne.demo`);
        await section.getByRole("button", { name: "Lägg till konto" }).click();
        await section.getByText(`Hantera-kontot för Styrelseledamot ${n} är skapat.`).waitFor();
        // The message comes with the action's answer; the meter with the page's reload right after.
        await quotaShows(page, `${n} / 5`);
      }
      await expect(page.getByTestId("hantera-quota").textContent()).resolves.toBe("5 / 5");
      await section.getByText("Alla konton i kvoten används.", { exact: false }).waitFor();

      await section.getByLabel("Namn").fill("En för mycket");
      await section.getByLabel("E-postadress").fill(`en-for-mycket-${run}@brflinne.demo`);
      await section.getByRole("button", { name: "Lägg till konto" }).click();
      const refusal = section.getByRole("alert").filter({ hasText: "Alla Hantera-konton i avtalets kvot används." });
      await refusal.waitFor();
      await expect(page.getByTestId("hantera-quota").textContent()).resolves.toBe("5 / 5");
      // What was typed stays, so the user can try again after freeing a place.
      await expect(section.getByLabel("Namn").inputValue()).resolves.toBe("En för mycket");
      await screenshot(page, "agreement-quota-refused");

      // An address the API's EmailAddress scalar rejects (GraphQL BAD_USER_INPUT) is a message
      // beside the field, not an error page. The browser's own check is switched off to get there.
      await section.locator("form[aria-label='Lägg till ett Hantera-konto']").evaluate((form: HTMLFormElement) => {
        form.noValidate = true;
      });
      await section.getByLabel("E-postadress").fill("anna@exempel..se");
      await section.getByRole("button", { name: "Lägg till konto" }).click();
      await section.getByText("Ange en giltig e-postadress, t.ex. namn@exempel.se.").waitFor();
      await expect(section.getByLabel("E-postadress").getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(page.getByTestId("hantera-quota").textContent()).resolves.toBe("5 / 5");
    } finally {
      await context.close();
    }
  });

  it("a customer member sees the agreement and its benefits but no forms", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, MEMBER);
      await openAgreementsList(page);
      // Only the customer's own agreements: the active one and the terminated one.
      const customers = await page.locator("tbody tr td:nth-child(2)").allTextContents();
      expect(customers.length).toBeGreaterThan(0);
      expect(new Set(customers)).toEqual(new Set(["Västkustens Fastigheter AB"]));
      expect(await page.getByRole("link", { name: "Nytt avtal" }).count()).toBe(0);

      await openAgreement(page, "Västkustens Fastigheter AB", "Aktivt");
      const main = page.locator("main");
      await main.getByText("Nordsäk Säkerhet AB").waitFor();
      await main.getByRole("heading", { name: "Hantera-konton" }).waitFor();
      await main.getByRole("heading", { name: "Licenshyror" }).waitFor();
      await main.locator("[data-addon=HOSTING]").getByText("Aptus Hosting").waitFor();
      await main
        .getByTestId("updates-needed")
        .getByText(/^Kv\. Majorna 12: Multi-access .+ → .+$/)
        .waitFor();
      // Read only: not one form, not one button, on the page's content.
      expect(await main.locator("form").count()).toBe(0);
      expect(await main.getByRole("button").count()).toBe(0);
      await main.getByText("Du kan se men inte ändra det här.").first().waitFor();
      await screenshot(page, "agreement-read-only");

      // Another customer's agreement, or none at all, is "not found".
      const response = await page.goto("/agreements/QWdyZWVtZW50Om5vLXN1Y2g");
      expect(response?.status()).toBe(404);
      expect(pathOf(page)).toBe("/agreements/QWdyZWVtZW50Om5vLXN1Y2g");
      await page.getByRole("heading", { name: "Sidan finns inte" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
