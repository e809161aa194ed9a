import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO,
  apiAs,
  expectNoSidewaysScroll,
  launchBrowser,
  logIn,
  openFromMenu,
  newPage,
  screenshot,
  swedishDay,
} from "./support";

/**
 * The vendor's other daily work (issue 22): an admin sets a new list price from a date with a reason and sees it in
 * the history with who and why; an admin closes a day only after seeing which open cases' deadlines move.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The Swedish calendar day of an instant. */
const swedishDate = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short" }).format(new Date(iso));

describe("the price list", () => {
  for (const [width, item, label, days] of [
    [1280, "HANTERA", "Hantera (per licens)", 40],
    [390, "BOOKING", "Bokning (per licens)", 41],
  ] as const) {
    it(`sets a new price from a date with a reason and shows it in the history (${width} px)`, async () => {
      const { context, page } = await newPage(browser, { width, height: 900 });
      try {
        await logIn(page, DEMO.admin.email);
        await openFromMenu(page, "Prislista");
        await page.getByRole("heading", { level: 1, name: "Prislista" }).waitFor();
        await page.getByTestId("current-prices").waitFor();
        const form = page.getByRole("form", { name: "Nytt pris från ett datum" });
        await form.getByLabel("Artikel").selectOption(item);
        await form.getByLabel("Nytt pris per månad (kr)").fill("abc");
        await form.getByLabel("Gäller från").fill(swedishDay(days));
        await form.getByLabel("Skäl").fill("Indexuppräkning 2027");
        await form.getByRole("button", { name: "Spara nytt pris" }).click();
        await page.getByText("Skriv priset i kronor, t.ex. 175 eller 175,50.").waitFor();
        await form.getByLabel("Nytt pris per månad (kr)").fill("187,50");
        await form.getByRole("button", { name: "Spara nytt pris" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `Det nya priset gäller från ${swedishDay(days)}.` })
          .waitFor();

        await page.getByRole("navigation", { name: "Visa historik för" }).getByRole("link", { name: label }).click();
        const row = page.getByTestId("price-history").locator(`tr[data-from="${swedishDay(days)}"]`);
        await row.waitFor();
        const text = await row.innerText();
        expect(text).toContain("187,50");
        expect(text).toContain("Indexuppräkning 2027");
        expect(text).toContain(DEMO.admin.name);
        expect(text).toContain("Tills vidare");
        await expectNoSidewaysScroll(page);
        await screenshot(page, `price-list-${width}`);
      } finally {
        await context.close();
      }
    });
  }

  it("shows a seller the list and its history but no form to change it", async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    try {
      await logIn(page, DEMO.sara.email);
      await openFromMenu(page, "Prislista");
      await page.getByTestId("price-history").waitFor();
      expect(await page.getByRole("form", { name: "Nytt pris från ett datum" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe("the support calendar", () => {
  for (const width of [1280, 390]) {
    it(`closes the day a case is due only after showing that its deadline moves (${width} px)`, async () => {
      const karin = await apiAs(DEMO.karin.email);
      const admin = await apiAs(DEMO.admin.email);
      type Opened = { openSupportCase: { supportCase: { id: string; number: string; responseDueAt: string } } };
      const { supportCase } = (
        await karin<Opened>(
          `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { supportCase { id number responseDueAt } } }`,
          { i: { category: "TECHNICAL", subject: `Porten (${width})`, description: "Trapphus B går inte i lås." } },
        )
      ).openSupportCase;
      const dueDay = swedishDate(supportCase.responseDueAt);

      const { context, page } = await newPage(browser, { width, height: 900 });
      try {
        await logIn(page, DEMO.admin.email);
        await openFromMenu(page, "Supportkalender");
        await page.getByRole("heading", { level: 1, name: "Supportkalender" }).waitFor();
        await page.getByTestId("opening-hours").waitFor();
        const form = page.getByRole("form", { name: "Stäng en dag eller ändra tiderna" });
        await form.getByLabel("Datum").fill(dueDay);
        await form.getByLabel("Skäl (visas för kunderna)").fill("Personaldag");
        await form.getByRole("button", { name: "Visa vad som påverkas" }).click();
        const moved = page.getByTestId("deadline-moves").locator(`tr[data-case="${supportCase.number}"]`);
        await moved.waitFor();
        await expectNoSidewaysScroll(page);
        await screenshot(page, `support-calendar-preview-${width}`);

        // Nothing is saved by looking: the case keeps its deadline until the admin saves.
        type Case = { node: { responseDueAt: string } };
        const due = async () =>
          (
            await admin<Case>(`query($id: ID!) { node(id: $id) { ... on SupportCase { responseDueAt } } }`, {
              id: supportCase.id,
            })
          ).node.responseDueAt;
        expect(await due()).toBe(supportCase.responseDueAt);

        await page.getByRole("button", { name: "Spara ändringen" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: "är sparad och öppna ärendens tidsgränser är omräknade" })
          .waitFor();
        await page.getByTestId("calendar-exceptions").locator(`li[data-date="${dueDay}"]`).waitFor();
        expect(swedishDate(await due())).not.toBe(dueDay);
        expect(Date.parse(await due())).toBeGreaterThan(Date.parse(supportCase.responseDueAt));
        await screenshot(page, `support-calendar-saved-${width}`);
      } finally {
        await context.close();
      }
    });
  }

  it("shows support the calendar ahead but no form to change it", async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    try {
      await logIn(page, "tomas.tekniker@aptus.demo");
      await openFromMenu(page, "Supportkalender");
      await page.getByTestId("opening-hours").waitFor();
      expect(await page.getByRole("form", { name: "Stäng en dag eller ändra tiderna" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Ta bort" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
