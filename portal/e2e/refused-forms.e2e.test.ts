import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, newPage, screenshot, swedishDay, expectNoSidewaysScroll } from "./support";

const TOMAS = "tomas.tekniker@aptus.demo"; // the vendor's support, the visits' technician
const HANNA = "hanna@hisingen.demo"; // Hisingens Bostäder: Kv. Stigberget 2 has its next visit booked
const SARA = "sara.saljare@aptus.demo";

/** No English sentence from the API and no code such as VISIT_INCOMPLETE on the page. */
async function expectNoApiWords(page: Page): Promise<void> {
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);
  expect(text).not.toMatch(/\b(Record every|The visit|The period|No such|must end)\b/);
}

/** The next, not yet completed visit at Kv. Stigberget 2, from the calendar. */
async function openNextStigbergetVisit(page: Page): Promise<void> {
  await page.goto("/visits?state=upcoming");
  await page
    .getByTestId("visit-calendar")
    .locator("tr")
    .filter({ hasText: "Stigberget" })
    .first()
    .getByRole("link")
    .click();
  await page.getByTestId("visit-state").waitFor();
}

/** The customer option's label, "Brf Kastanjen (NNNNNN-NNNN)". */
async function customerLabel(page: Page, name: string): Promise<string> {
  const options = await page.getByRole("combobox", { name: "Kund", exact: true }).locator("option").allTextContents();
  return options.find((o) => o.startsWith(`${name} (`))!;
}

describe("a refused form says why in Swedish, beside what to change", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the technician's protocol: completing before every check is recorded, and a size check without a reading", async () => {
    const { context, page } = await newPage(browser, { width: 768, height: 1024 });
    try {
      await logIn(page, TOMAS);
      await openNextStigbergetVisit(page);
      await page.getByRole("link", { name: "Fyll i protokollet" }).click();
      await page.getByRole("heading", { name: "Besöksprotokoll", level: 1 }).waitFor();

      await page.getByRole("button", { name: "Avsluta besöket" }).click();
      await page.getByText("Välj ett resultat för varje kontroll innan besöket avslutas.").waitFor();
      // Each check still without a result says so under its own heading.
      const routines = page.getByRole("group", { name: "Genomgång av rutiner" });
      expect(await routines.getByRole("alert").textContent()).toBe("Välj ett resultat för kontrollen.");
      await expectNoApiWords(page);
      await screenshot(page, "visit-protocol-refused-tablet");

      await page.getByRole("group", { name: "Databasens storlek och förändring" }).getByLabel("OK").check();
      await page.getByRole("button", { name: "Spara", exact: true }).click();
      const size = page.getByRole("group", { name: "Databasens storlek och förändring" });
      await size.getByText("Ange databasens storlek i MB, t.ex. 1830.").waitFor();
      expect(await size.getByLabel("Storlek i MB").getAttribute("aria-invalid")).toBe("true");
      await expectNoApiWords(page);
    } finally {
      await context.close();
    }
  });

  it("the customer's acknowledgement of a protocol that is not finished yet (a request the page does not offer)", async () => {
    const { context, page } = await newPage(browser, { width: 768, height: 1024 });
    try {
      await logIn(page, HANNA);
      await openNextStigbergetVisit(page);
      expect(await page.getByRole("button", { name: "Bekräfta protokollet" }).count()).toBe(0);
      // An old tab or a hand-made request posts it anyway: the API refuses, the page says why.
      await page.evaluate(() => {
        const form = document.createElement("form");
        form.method = "post";
        const intent = Object.assign(document.createElement("input"), {
          type: "hidden",
          name: "intent",
          value: "acknowledge",
        });
        form.append(intent);
        document.body.append(form);
        form.submit();
      });
      await page.getByText("Besöket är inte avslutat än, så protokollet är inte klart.").waitFor();
      await expectNoApiWords(page);
    } finally {
      await context.close();
    }
  });

  it("a new agreement whose last day is before its first, on a phone", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, SARA);
      await page.goto("/agreements/new");
      await page
        .getByRole("combobox", { name: "Kund", exact: true })
        .selectOption({ label: await customerLabel(page, "Brf Kastanjen") });
      await page.waitForURL((url) => url.searchParams.has("customer"));
      const details = page.getByRole("region", { name: /^2\. Avtalet med/ });
      await details.getByLabel("Avtalsnivå").selectOption({ index: 1 });
      await details.getByLabel("Första dag").fill(swedishDay(30));
      await details.getByLabel("Sista dag").fill(swedishDay(10));
      await details.getByRole("button", { name: "Skapa utkast" }).click();
      const error = details.getByText("Slutdatumet kan inte ligga före startdatumet.");
      await error.waitFor();
      expect(await details.getByLabel("Sista dag").getAttribute("aria-invalid")).toBe("true");
      // What was typed is still there to correct.
      expect(await details.getByLabel("Första dag").inputValue()).toBe(swedishDay(30));
      await expectNoSidewaysScroll(page);
      await expectNoApiWords(page);
      await error.scrollIntoViewIfNeeded();
      await screenshot(page, "new-agreement-refused-390");
    } finally {
      await context.close();
    }
  });
});
