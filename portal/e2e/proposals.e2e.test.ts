import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "./mailbox";
import {
  DEMO,
  expectNoSidewaysScroll,
  freshOrganisationNumber,
  launchBrowser,
  logIn,
  newPage,
  openFromMenu,
  screenshot,
  swedishDay,
} from "./support";

/**
 * Partners sign up their customers (issue 22): a partner admin proposes an agreement for one of its customers, the
 * vendor's seller finds it in the worklist and activates it, and the partner sees each step on the page and by mail.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a partner's proposal", () => {
  for (const [width, days] of [
    [1280, 20],
    [390, 21],
  ] as const) {
    it(`is proposed by the partner and activated by the seller (${width} px)`, async () => {
      const note = `Styrelsen vill ha avtal, förslag ${width}`;
      const partner = await newPage(browser, { width, height: 900 });
      const seller = await newPage(browser, { width, height: 900 });
      try {
        const page = partner.page;
        await logIn(page, DEMO.petra.email);
        await openFromMenu(page, "Avtalsförslag");
        await page.getByRole("heading", { level: 1, name: "Avtalsförslag" }).waitFor();
        await page.getByLabel("Kund", { exact: true }).selectOption({ label: "Brf Linnégatan 12 (769612-3459)" });
        const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Skicka förslaget" }) });
        await form.getByLabel("Linnégatan 12").check();
        await form.getByLabel("Avtalsnivå").selectOption("BRF");
        await form.getByLabel("Önskad start").fill(swedishDay(days));
        await form.getByLabel("Meddelande till säljaren (valfritt)").fill(note);
        await form.getByRole("button", { name: "Skicka förslaget" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: "Förslaget för Brf Linnégatan 12 är skickat till säljaren." })
          .waitFor();
        const card = page.getByTestId("proposals").locator("li").filter({ hasText: note });
        expect(await card.innerText()).toContain("Väntar på säljaren");
        await expectNoSidewaysScroll(page);
        await screenshot(page, `proposal-partner-${width}`);

        await logIn(seller.page, DEMO.sara.email);
        await openFromMenu(seller.page, "Arbetslista");
        const waiting = seller.page.getByTestId("waiting-proposals");
        await waiting.getByRole("link", { name: "Brf Linnégatan 12" }).first().click();
        await seller.page.getByRole("heading", { level: 1, name: "Avtalsförslag" }).waitFor();
        const open = seller.page.getByTestId("proposals").locator("li").filter({ hasText: note });
        const activate = open.getByRole("form", { name: "Aktivera avtal för Brf Linnégatan 12" });
        expect(await activate.getByLabel("Första dag").inputValue()).toBe(swedishDay(days));
        await activate.getByRole("button", { name: "Aktivera avtalet" }).click();
        const done = seller.page.getByRole("status").filter({ hasText: /Avtal TA-\d{4}-\d{4} är aktiverat\./ });
        await done.waitFor();
        const number = /TA-\d{4}-\d{4}/.exec(await done.innerText())![0];
        await expectNoSidewaysScroll(seller.page);
        await screenshot(seller.page, `proposal-seller-${width}`);

        await page.reload();
        const activated = page.getByTestId("proposals").locator("li").filter({ hasText: note });
        expect(await activated.innerText()).toContain("Avtalet är aktivt");
        await activated.getByRole("link", { name: number }).click();
        await page.getByRole("heading", { level: 1, name: new RegExp(number) }).waitFor();
        await awaitMail(DEMO.petra.email, new RegExp(`Förslaget är godkänt. Avtal ${number} gäller`));
      } finally {
        await partner.context.close();
        await seller.context.close();
      }
    });
  }
});

describe("a seller's onboarding", () => {
  for (const width of [1280, 390] as const) {
    it(`registers a customer and its property, but no partner and no release (${width} px)`, async () => {
      const name = `Brf Säljarkund ${width} ${Date.now() % 100000}`;
      const { context, page } = await newPage(browser, { width, height: 900 });
      try {
        await logIn(page, DEMO.sara.email);
        await openFromMenu(page, "Administration");
        await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
        const org = page.locator("section").filter({ has: page.getByRole("heading", { name: "Ny organisation" }) });
        expect(await org.getByLabel("Typ").count()).toBe(0);
        expect(await page.getByRole("heading", { name: "Publicera programversion" }).count()).toBe(0);
        await org.getByLabel("Namn").fill(name);
        await org.getByLabel("Organisationsnummer").fill(freshOrganisationNumber());
        await org.getByRole("button", { name: "Skapa organisation" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `${name} är skapad.` })
          .waitFor();

        const property = page.locator("section").filter({ has: page.getByRole("heading", { name: "Ny fastighet" }) });
        await property.getByLabel("Kund (ägare)").selectOption({ label: name });
        await property.getByLabel("Fastighetens namn").fill(`${name} hus 1`);
        await property.getByLabel("Gatuadress").fill("Säljarvägen 1");
        await property.getByLabel("Postnummer").fill("412 63");
        await property.getByLabel("Ort").fill("Göteborg");
        await property.getByLabel("Antal lägenheter").fill("24");
        await property.getByRole("button", { name: "Lägg till fastighet" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `Fastigheten ${name} hus 1 är tillagd.` })
          .waitFor();
        await expectNoSidewaysScroll(page);
        await screenshot(page, `seller-onboarding-${width}`);
      } finally {
        await context.close();
      }
    });
  }
});
