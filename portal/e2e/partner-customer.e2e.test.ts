import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO,
  expectNoSidewaysScroll,
  freshOrganisationNumber,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
  swedishDay,
} from "./support";

/**
 * Partners sign up their customers (issue 22, decision 0082): a partner admin registers a customer Trygg does not
 * have yet, adds its property and proposes its agreement, all on "Avtalsförslag".
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a partner's new customer", () => {
  for (const width of [1280, 390]) {
    it(`is registered, given its property and proposed an agreement by the partner (${width} px)`, async () => {
      const name = `Brf Nyckeln ${width} ${Date.now()}`;
      const number = freshOrganisationNumber();
      const { context, page } = await newPage(browser, { width, height: 900 });
      try {
        await logIn(page, DEMO.petra.email);
        await page.goto("/proposals");
        const register = page.locator("form").filter({ has: page.getByRole("button", { name: "Registrera kunden" }) });
        await register.getByLabel("Namn").fill(name);
        await register.getByLabel("Organisationsnummer").fill(number);
        await register.getByRole("button", { name: "Registrera kunden" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `${name} är registrerad som din kund.` })
          .waitFor();

        await page.getByLabel("Kund", { exact: true }).selectOption({ label: `${name} (${number})` });
        const property = page.getByRole("form", { name: `Ny fastighet för ${name}` });
        await property.getByLabel("Fastighetens namn").fill("Nyckelgatan 1");
        await property.getByLabel("Gatuadress").fill("Nyckelgatan 1");
        await property.getByLabel("Postnummer").fill("41301");
        await property.getByLabel("Ort").fill("Göteborg");
        await property.getByLabel("Antal lägenheter").fill("18");
        await property.getByRole("button", { name: "Lägg till fastigheten" }).click();
        await page.getByRole("status").filter({ hasText: "Fastigheten Nyckelgatan 1 är tillagd." }).waitFor();

        const propose = page.locator("form").filter({ has: page.getByRole("button", { name: "Skicka förslaget" }) });
        await propose.getByLabel("Nyckelgatan 1").check();
        await propose.getByLabel("Avtalsnivå").selectOption("BRF");
        await propose.getByLabel("Önskad start").fill(swedishDay(30));
        await propose.getByRole("button", { name: "Skicka förslaget" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `Förslaget för ${name} är skickat till säljaren.` })
          .waitFor();
        const card = page.getByTestId("proposals").locator("li").filter({ hasText: name });
        expect(await card.innerText()).toContain("Väntar på säljaren");
        await expectNoSidewaysScroll(page);
        await screenshot(page, `partner-customer-${width}`);
      } finally {
        await context.close();
      }
    });
  }
});
