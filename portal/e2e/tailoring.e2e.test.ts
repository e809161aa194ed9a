import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, newPage, pathOf, screenshot, swedishDay } from "./support";

/** As the portal writes a day in Swedish: "1 mars 2027". */
function swedishLong(isoDate: string): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** The items of the prioritisation list, top first, as shown. */
function priorityOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId("priority-list")
    .locator("li")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-item-title") ?? ""));
}

function stepState(page: Page, step: string): Promise<string | null> {
  return page.locator(`.stepper-step[data-step="${step}"] .stepper-state`).textContent();
}

async function addItem(
  page: Page,
  item: { title: string; owner: string; hours?: string; kronor?: string; why?: string },
) {
  const form = page.getByRole("form", { name: "Lägg till en punkt" });
  await form.getByLabel("Åtgärd").fill(item.title);
  await form.getByLabel("Ansvarig").selectOption({ label: item.owner });
  if (item.why) await form.getByLabel("Varför").fill(item.why);
  if (item.hours) await form.getByLabel("Uppskattning, timmar").fill(item.hours);
  if (item.kronor) await form.getByLabel("Uppskattning, kr").fill(item.kronor);
  await form.getByRole("button", { name: "Lägg till punkten" }).click();
  await page.getByText(`”${item.title}” är tillagd i planen.`).waitFor();
}

describe("the five-step tailoring, customer admin and seller together", () => {
  let browser: Browser;
  let karinContext: BrowserContext;
  let saraContext: BrowserContext;
  let karin: Page;
  let sara: Page;
  /** /agreements/<id>/tailoring of Västkustens active 500+ agreement. */
  let tailoringPath = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context: karinContext, page: karin } = await newPage(browser));
    ({ context: saraContext, page: sara } = await newPage(browser));
    await logIn(karin, DEMO.karin.email);
    await logIn(sara, DEMO.sara.email);
  });
  afterAll(async () => {
    await karinContext?.close();
    await saraContext?.close();
    await browser?.close();
  });

  it("step 1: the customer admin asks for a review from her agreement", async () => {
    // The dashboard says what waits on her and leads to her worklist.
    expect(await karin.getByTestId("waiting-count").textContent()).toBe("0");
    await karin.goto("/worklist"); // Viewer.sections gives the worklist to the vendor side only, so the dashboard does not link it.
    await karin.waitForURL((url) => url.pathname === "/worklist");
    await karin.getByRole("heading", { name: "Arbetslista", level: 1 }).waitFor();
    await karin.getByRole("heading", { name: "Väntar på dig" }).waitFor();
    await karin.getByText("Inget väntar just nu").waitFor();
    // Her only valid agreement (the other one of hers is terminated) has no tailoring yet.
    const asks = karin.getByRole("link", { name: /^Be om genomgång för avtal / });
    expect(await asks.count()).toBe(1);
    await screenshot(karin, "tailoring-worklist-customer");
    await asks.click();
    await karin.waitForURL((url) => /^\/agreements\/[^/]+\/tailoring$/.test(url.pathname));
    tailoringPath = pathOf(karin);

    await karin.getByRole("heading", { name: "Vi skräddarsyr tillsammans", level: 1 }).waitFor();
    expect(await karin.locator(".stepper-step").allTextContents()).toHaveLength(5);
    expect(await stepState(karin, "CONTACT")).toBe("Pågår nu");
    expect(await stepState(karin, "END_DATE")).toBe("Att göra");
    await karin
      .getByLabel("Meddelande till säljaren (frivilligt)")
      .fill("Vi vill se över backup och rutiner för taggar.");
    await screenshot(karin, "tailoring-1-request");
    await karin.getByRole("button", { name: "Be om genomgång" }).click();
    await karin.getByText("Tack! Säljaren har fått din förfrågan").waitFor();

    expect(await stepState(karin, "CONTACT")).toBe("Klart");
    expect(await karin.locator('.stepper-step[data-step="CONTACT"] .stepper-who').textContent()).toContain(
      DEMO.karin.name,
    );
    expect(await stepState(karin, "REVIEW")).toBe("Pågår nu");
    await karin.getByText("Väntar på att Sara Säljare håller det första mötet").waitFor();
    // A customer admin does not record the review.
    expect(await karin.getByRole("button", { name: "Spara genomgången" }).count()).toBe(0);
    await karin.getByTestId("tailoring-history").getByText("bad om en genomgång").waitFor();
  });

  it("step 2: the seller finds it in her worklist and records the review", async () => {
    await sara.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Arbetslista" }).click();
    await sara.waitForURL((url) => url.pathname === "/worklist");
    await sara.getByRole("heading", { name: "Väntar på Aptus" }).waitFor();
    const customers = await sara.getByTestId("worklist").locator("tbody tr td:nth-child(2)").allTextContents();
    // Waiting on the vendor: Brf Linnégatan 12 (asked in the demo) and Karin's new request.
    expect(customers).toContain("Brf Linnégatan 12");
    expect(customers).toContain(DEMO.karin.organisation);
    // Älvstranden waits on its customer (to confirm the order), not on the seller.
    expect(customers).not.toContain("Älvstrandens Hyresbostäder AB");
    await screenshot(sara, "tailoring-worklist-seller");

    await sara
      .getByTestId("worklist")
      .locator("tr", { hasText: DEMO.karin.organisation })
      .getByRole("link", { name: /^Öppna genomgången/ })
      .click();
    await sara.waitForURL((url) => url.pathname === tailoringPath);
    await sara.getByText("Vi vill se över backup och rutiner för taggar.").waitFor();

    await sara.getByLabel("Mötesdatum").fill(swedishDay(-1));
    await sara.getByLabel("Deltagare").fill("Sara Säljare\nKarin Fastighetschef\nLars Låsmästare");
    await sara.getByLabel("Område 1", { exact: true }).selectOption({ label: "Databas" });
    await sara
      .getByLabel("Fynd 1", { exact: true })
      .fill("40 000 taggar i databasen, många från avflyttade hyresgäster.");
    await sara.getByRole("button", { name: "+ Lägg till fynd" }).click();
    await sara.getByLabel("Område 2", { exact: true }).selectOption({ label: "Backup" });
    await sara.getByLabel("Fynd 2", { exact: true }).fill("Backupen tas bara lokalt i serverrummet.");
    await sara.getByLabel("Anteckningar").fill("Bra möte, tydliga behov.");
    await screenshot(sara, "tailoring-2-review-form");
    await sara.getByRole("button", { name: "Spara genomgången" }).click();
    await sara.getByText("Genomgången är sparad. Nu tar du fram handlingsplanen.").waitFor();
    expect(await stepState(sara, "REVIEW")).toBe("Klart");
    expect(await stepState(sara, "ACTION_PLAN")).toBe("Pågår nu");
  });

  it("step 3: the seller writes the action plan, one item made from a finding", async () => {
    await sara
      .getByRole("link", { name: "Skapa en åtgärd från fyndet ”Backupen tas bara lokalt i serverrummet.”" })
      .click();
    await sara.waitForURL((url) => url.searchParams.get("finding") === "1");
    const form = sara.getByRole("form", { name: "Lägg till en punkt" });
    // The URL changes before React has re-rendered the form with the finding: wait for the text.
    await sara.waitForFunction(
      (text) =>
        document.querySelector<HTMLInputElement>('form[aria-label="Lägg till en punkt"] input[name="title"]')?.value ===
        text,
      "Backupen tas bara lokalt i serverrummet.",
    );
    expect(await form.getByLabel("Åtgärd").inputValue()).toBe("Backupen tas bara lokalt i serverrummet.");
    await form.getByLabel("Åtgärd").fill("Flytta backup till Aptus Hosting");
    await form.getByLabel("Uppskattning, timmar").fill("6");
    await form.getByRole("button", { name: "Lägg till punkten" }).click();
    await sara.getByText("”Flytta backup till Aptus Hosting” är tillagd i planen.").waitFor();
    expect(new URL(sara.url()).searchParams.get("finding")).toBeNull();

    await addItem(sara, {
      title: "Utbildning i Hantera för förvaltarna",
      owner: "Aptus",
      kronor: "12 500",
      why: "Nya förvaltare sedan i våras.",
    });
    await addItem(sara, { title: "Rensa taggar för avflyttade", owner: "Kunden", hours: "3" });

    // Change an item, and remove one added by mistake.
    await sara.getByRole("link", { name: "Ändra ”Rensa taggar för avflyttade”" }).click();
    const edit = sara.getByRole("form", { name: "Ändra ”Rensa taggar för avflyttade”" });
    await edit.getByLabel("Uppskattning, timmar").fill("4");
    await edit.getByRole("button", { name: "Spara ändringarna" }).click();
    await sara.getByText("”Rensa taggar för avflyttade” är ändrad.").waitFor();
    await sara.locator('.plan-items li[data-item-title="Rensa taggar för avflyttade"]').getByText("4 h").waitFor();
    await addItem(sara, { title: "Felaktig punkt", owner: "Partner" });
    sara.once("dialog", (dialog) => void dialog.accept());
    await sara.getByRole("button", { name: "Ta bort ”Felaktig punkt”" }).click();
    await sara.getByText("”Felaktig punkt” är borttagen ur planen.").waitFor();

    const items = sara.locator(".plan-items > li");
    expect(await items.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-item-title")))).toEqual([
      "Flytta backup till Aptus Hosting",
      "Utbildning i Hantera för förvaltarna",
      "Rensa taggar för avflyttade",
    ]);
    await sara.locator(".plan-items").getByText("från genomgången: Backup").waitFor();
    await sara.locator(".plan-items").getByText("12 500 kr").waitFor();
    await screenshot(sara, "tailoring-3-plan");

    // The order, with the keyboard-friendly buttons: the tags first.
    expect(await priorityOrder(sara)).toEqual([
      "Flytta backup till Aptus Hosting",
      "Utbildning i Hantera för förvaltarna",
      "Rensa taggar för avflyttade",
    ]);
    await sara.getByRole("button", { name: "Flytta upp ”Rensa taggar för avflyttade”" }).click();
    await sara.getByRole("button", { name: "Flytta upp ”Rensa taggar för avflyttade”" }).click();
    expect(await priorityOrder(sara)).toEqual([
      "Rensa taggar för avflyttade",
      "Flytta backup till Aptus Hosting",
      "Utbildning i Hantera för förvaltarna",
    ]);
    await sara.getByText("Ordningen är ändrad men inte sparad.").waitFor();
    await sara.getByRole("button", { name: "Spara ordning och gå vidare" }).click();
    await sara.getByText("Ordningen är sparad.").waitFor();
    expect(await stepState(sara, "ACTION_PLAN")).toBe("Klart");
    expect(await stepState(sara, "PRIORITISATION")).toBe("Pågår nu");
    expect(await priorityOrder(sara)).toEqual([
      "Rensa taggar för avflyttade",
      "Flytta backup till Aptus Hosting",
      "Utbildning i Hantera för förvaltarna",
    ]);
  });

  it("step 4: two people reorder at once; the second is told, and the first order stands", async () => {
    await karin.goto(tailoringPath);
    await sara.goto(tailoringPath);
    const before = [
      "Rensa taggar för avflyttade",
      "Flytta backup till Aptus Hosting",
      "Utbildning i Hantera för förvaltarna",
    ];
    expect(await priorityOrder(karin)).toEqual(before);
    expect(await priorityOrder(sara)).toEqual(before);

    // Sara saves first: the training first.
    await sara.getByRole("button", { name: "Flytta upp ”Utbildning i Hantera för förvaltarna”" }).click();
    await sara.getByRole("button", { name: "Flytta upp ”Utbildning i Hantera för förvaltarna”" }).click();
    await sara.getByRole("button", { name: "Spara ordning", exact: true }).click();
    await sara.getByText("Ordningen är sparad.").waitFor();
    const first = [
      "Utbildning i Hantera för förvaltarna",
      "Rensa taggar för avflyttade",
      "Flytta backup till Aptus Hosting",
    ];
    expect(await priorityOrder(sara)).toEqual(first);

    // Karin, on the page she loaded before, moves the backup first and saves: a conflict.
    await karin.getByRole("button", { name: "Flytta upp ”Flytta backup till Aptus Hosting”" }).click();
    await karin.getByRole("button", { name: "Spara ordning", exact: true }).click();
    await karin.getByText("Någon annan har ändrat ordningen. Ladda om för att se den nya ordningen.").waitFor();
    await screenshot(karin, "tailoring-4-conflict");
    // Nothing of hers was saved; reloading shows Sara's order, not a mix.
    await karin.getByRole("link", { name: "Ladda om" }).click();
    await karin.getByText("Någon annan har ändrat ordningen.").waitFor({ state: "detached" });
    expect(await priorityOrder(karin)).toEqual(first);
    await karin.getByTestId("prioritised-by").getByText(`Ordningen sparades av ${DEMO.sara.name}`).waitFor();

    // The seller cannot confirm; the customer admin can.
    expect(await sara.getByRole("button", { name: "Bekräfta prioriteringen" }).count()).toBe(0);
    await screenshot(karin, "tailoring-4-prioritise");
    await karin.getByRole("button", { name: "Bekräfta prioriteringen" }).click();
    await karin.getByText("Prioriteringen är bekräftad. Nästa steg är slutdatumet.").waitFor();
    expect(await stepState(karin, "PRIORITISATION")).toBe("Klart");
    expect(await stepState(karin, "END_DATE")).toBe("Pågår nu");

    await sara.reload();
    await sara.getByTestId("confirmed-by").getByText(`Bekräftad av ${DEMO.karin.name} den `).waitFor();
  });

  it("step 5: the seller proposes an end date, the customer admin agrees it: done", async () => {
    const endOn = swedishDay(120);
    await sara.getByLabel("Slutdatum", { exact: true }).fill(endOn);
    await sara.getByRole("button", { name: "Föreslå slutdatum" }).click();
    await sara.getByText("Slutdatumet är föreslaget. Den andra parten godkänner det.").waitFor();
    const proposal = sara.getByTestId("end-date-proposal");
    await proposal.getByText(`Föreslaget slutdatum: ${swedishLong(endOn)}`).waitFor();
    await proposal.getByText(`✓ ${DEMO.sara.name}`).waitFor();
    await proposal.getByText("Du har godkänt datumet. Väntar på den andra parten.").waitFor();
    await screenshot(sara, "tailoring-5-proposed");

    await karin.reload();
    await karin
      .getByTestId("end-date-proposal")
      .getByText(`Föreslaget slutdatum: ${swedishLong(endOn)}`)
      .waitFor();
    await karin.getByRole("button", { name: `Godkänn ${swedishLong(endOn)}` }).click();
    await karin.getByText("Slutdatumet är överenskommet – alla fem stegen är klara.").waitFor();

    for (const page of [karin, sara]) {
      if (page === sara) await sara.reload();
      for (const step of ["CONTACT", "REVIEW", "ACTION_PLAN", "PRIORITISATION", "END_DATE"])
        expect(await stepState(page, step)).toBe("Klart");
      expect(await page.getByTestId("agreed-end-date").textContent()).toBe(swedishLong(endOn));
      // 500+: the annual service visit is proposed from the end date.
      expect(await page.getByTestId("service-visit").textContent()).toBe(
        `Nästa supportbesök föreslås ${swedishLong(endOn)}.`,
      );
      await page.getByText("0 % av punkterna är klara").waitFor();
    }
    await screenshot(karin, "tailoring-done-customer");

    // Progress may still change after DONE.
    await sara
      .getByLabel("Status för ”Utbildning i Hantera för förvaltarna”", { exact: true })
      .selectOption({ label: "Klar" });
    await sara.getByRole("button", { name: "Spara status för ”Utbildning i Hantera för förvaltarna”" }).click();
    await sara.locator('tr[data-item-title="Utbildning i Hantera för förvaltarna"]').getByText("✓ Sparad").waitFor();
    await sara.getByText("33 % av punkterna är klara").waitFor();
    expect(await sara.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("33");
    await sara.getByTestId("tailoring-history").getByText("godkände slutdatumet").waitFor();
    await screenshot(sara, "tailoring-done-seller");
  });

  it("prints the agreed plan in its order, without the menu", async () => {
    // The agreement page leads to its tailoring.
    await karin.goto(tailoringPath.replace(/\/tailoring$/, ""));
    await karin.getByRole("link", { name: "Vi skräddarsyr tillsammans: genomgång och handlingsplan →" }).click();
    await karin.waitForURL((url) => url.pathname === tailoringPath);
    await karin.getByRole("link", { name: "Utskriftsvänlig plan" }).click();
    await karin.waitForURL((url) => url.pathname === `${tailoringPath}/print`);
    await karin.getByRole("heading", { name: "Handlingsplan", level: 1 }).waitFor();
    expect(await karin.getByRole("navigation", { name: "Huvudmeny" }).count()).toBe(0);
    expect(
      await karin.locator(".print-table tbody th").evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent)),
    ).toEqual([
      "Utbildning i Hantera för förvaltarna",
      "Rensa taggar för avflyttade",
      "Flytta backup till Aptus Hosting",
    ]);
    await karin.getByRole("button", { name: "Skriv ut" }).waitFor();
    await screenshot(karin, "tailoring-print");
    await karin.emulateMedia({ media: "print" });
    expect(await karin.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(false);
    await screenshot(karin, "tailoring-print-media");
    await karin.emulateMedia({ media: "screen" });
  });

  it("lets the seller reopen a finished step with a reason, kept in the history", async () => {
    await sara.goto(tailoringPath);
    await sara.getByLabel("Steg", { exact: true }).selectOption({ label: "5. Slutdatum" });
    await sara.getByLabel("Varför?").fill("Kunden vill flytta slutdatumet efter styrelsemötet.");
    await sara.getByRole("button", { name: "Öppna steget igen" }).click();
    await sara.getByText("Steget är öppnat igen. Senare steg görs om.").waitFor();
    expect(await stepState(sara, "END_DATE")).toBe("Pågår nu");
    expect(await stepState(sara, "PRIORITISATION")).toBe("Klart");
    // The finished steps that can be reopened now end at step 4.
    expect(await sara.getByLabel("Steg", { exact: true }).inputValue()).toBe("PRIORITISATION");
    const history = sara.getByTestId("tailoring-history");
    await history.getByText("öppnade steget ”Slutdatum” igen").waitFor();
    await history.getByText("Anledning: Kunden vill flytta slutdatumet efter styrelsemötet.").waitFor();
    // What was agreed before is still readable in the history.
    await history.getByText("godkände slutdatumet").waitFor();
    await screenshot(sara, "tailoring-reopened");
  });

  it("lets a customer member read the tailoring, but not change it", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, "kalle@vastkustfast.demo");
      await page.goto(tailoringPath);
      await page.getByRole("heading", { name: "Vi skräddarsyr tillsammans", level: 1 }).waitFor();
      await page.getByRole("heading", { name: "Steg 5: Slutdatum" }).waitFor();
      await page.getByRole("link", { name: "Utskriftsvänlig plan" }).waitFor();
      expect(await page.locator("main form").count()).toBe(0);
      expect(await page.getByRole("combobox").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
