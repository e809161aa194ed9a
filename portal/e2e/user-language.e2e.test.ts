import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, DEMO, launchBrowser, logIn, newPage, screenshot, swedishDay } from "./support";

/**
 * A user's language is theirs, not the browser's: Britt switches to English on her account page, and a fresh
 * browser (no cookie, Swedish login page) opens the portal in English after she logs in. Left Swedish afterwards.
 */
let browser: Browser;
let britt: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  browser = await launchBrowser();
  britt = await apiAs(DEMO.britt.email);
});
afterAll(async () => {
  await britt("mutation { setMyLanguage(input: { language: SV }) { userErrors { code } } }", {});
  await browser?.close();
});

const language = async () =>
  (await britt<{ viewer: { user: { language: string } } }>("{ viewer { user { language } } }", {})).viewer.user
    .language;

describe("per-user language", () => {
  for (const viewport of [
    { width: 1280, height: 860 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width} px: English chosen on the account page follows the user to a new browser`, async () => {
      const first = await newPage(browser, viewport);
      try {
        await logIn(first.page, DEMO.britt.email);
        await first.page.goto("/account");
        const section = first.page.getByTestId("language-preference");
        await section.getByRole("button", { name: "English" }).click();
        await first.page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
        expect(await language()).toBe("EN");
        await screenshot(first.page, `user-language-${viewport.width}`);
      } finally {
        await first.context.close();
      }
      const second = await newPage(browser, viewport);
      try {
        // The login page knows nobody yet: Swedish. After log-in, Britt's English.
        await logIn(second.page, DEMO.britt.email);
        await second.page.getByRole("heading", { name: /^Welcome, / }).waitFor();
        expect(await second.page.locator("html").getAttribute("lang")).toBe("en");
        // The coming three weeks' closed days in English, weekends and holidays alike, as the API names them.
        await second.page.goto("/support");
        const shown = await second.page.getByTestId("opening-hours").locator("li.closed").allInnerTexts();
        const { supportCalendar } = await britt<{ supportCalendar: { openingHours: { closedReason: string }[] } }>(
          `query ($from: Date!, $to: Date!) { supportCalendar { openingHours(from: $from, to: $to) {
            closedReason(language: EN) } } }`,
          { from: swedishDay(0), to: swedishDay(20) },
        );
        const named = supportCalendar.openingHours.flatMap((d) =>
          d.closedReason ? [`Closed: ${d.closedReason}`] : [],
        );
        expect(named.length).toBeGreaterThanOrEqual(6);
        expect(shown.map((text) => text.split("\n").at(-1))).toEqual(named);
        await second.page.goto("/account");
        await second.page.getByTestId("language-preference").getByRole("button", { name: "Svenska" }).click();
        await second.page.getByRole("heading", { level: 1, name: "Mitt konto" }).waitFor();
        expect(await language()).toBe("SV");
      } finally {
        await second.context.close();
      }
    });
  }
});
