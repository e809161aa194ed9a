import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, e2eSql as sql, launchBrowser, logIn, newPage, screenshot } from "./support";

/**
 * "Vi lämnar aldrig en kund" (issue 22, decision 0057): a case routed to the customer's installer that the
 * installer has not answered by its deadline comes back to the vendor's queue with a note. The running API's own
 * escalation job (every minute) does it; the journey makes the deadline pass by moving it into the past in the
 * database, the one clock the job reads against its `now`, and deletes its cases afterwards, so the demo is as seeded.
 */
const BO = "bo@brflinne.demo"; // Brf Linnégatan 12, whose installer is Nordsäk
const TOMAS = "tomas.tekniker@aptus.demo"; // the vendor's support
const NOTE = "Eskalerat till Aptus support: Nordsäk Säkerhet AB hade inte svarat när svarstiden gick ut.";
/** The job runs every `ESCALATION_SWEEP_SECONDS` (2 under npm test); the wait also allows the default 60 s. */
const SWEEP_MS = 75_000;

let browser: Browser;
const opened: { width: number; number: string; subject: string }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // Restore the demo: the journey's cases go, with what was written about them.
  for (const { number } of opened) {
    sql(
      `begin;
       create temp table gone as select id from support_cases where number = :'p1';
       delete from support_case_attachments where case_id in (select id from gone);
       delete from support_case_messages where case_id in (select id from gone);
       delete from support_case_pauses where case_id in (select id from gone);
       delete from audit_events where object_id in (select id from gone);
       delete from webhook_attempts where delivery_id in (select d.id from webhook_deliveries d
         join webhook_events e on e.id = d.event_id where e.data::text like '%' || :'p1' || '%');
       delete from webhook_deliveries where event_id in (select id from webhook_events where data::text like '%' || :'p1' || '%');
       delete from webhook_events where data::text like '%' || :'p1' || '%';
       delete from support_cases where id in (select id from gone);
       commit;`,
      number,
    );
  }
});

async function openProgrammingCase(page: Page, subject: string): Promise<string> {
  await logIn(page, BO);
  await page.goto("/support");
  await page.getByLabel(/^Hela systemet ur funktion/).check();
  await page.getByLabel("Vad gäller det?").selectOption("PROGRAMMING");
  await page.getByLabel("Fastighet (valfritt)").selectOption({ label: "Linnégatan 12" });
  await page.getByLabel("Rubrik").fill(subject);
  await page.getByLabel(/^Beskrivning/).fill("Inga taggar fungerar efter omprogrammeringen i morse.");
  await page.getByRole("button", { name: "Skicka ärendet" }).click();
  const receipt = page.getByTestId("case-receipt");
  await receipt.getByText("Nordsäk", { exact: false }).waitFor();
  return (/Ärende (\S+) är skickat/.exec((await receipt.textContent()) ?? "") ?? [])[1] ?? "";
}

describe("a case the installer does not answer in time", () => {
  it(
    "comes back to the vendor's queue with a note once its deadline has passed (1280 and 390 px)",
    async () => {
      for (const width of [1280, 390]) {
        const subject = `E2E tyst installatör ${width} ${Date.now()}`;
        const { context, page } = await newPage(browser, { width, height: 900 });
        try {
          const number = await openProgrammingCase(page, subject);
          expect(number).not.toBe("");
          opened.push({ width, number, subject });
        } finally {
          await context.close();
        }
      }
      const numbers = opened.map((o) => o.number);
      expect(
        sql(`select count(*) from support_cases where routed_to = 'PARTNER' and number in (:'p1', :'p2')`, ...numbers),
      ).toBe("2");
      // The deadline passes: the one fact the job compares with its clock.
      sql(
        `update support_cases set response_due_at = now() - interval '1 second' where number in (:'p1', :'p2')`,
        ...numbers,
      );
      await expect
        .poll(
          () =>
            sql(
              `select count(*) from support_cases where escalated_at is not null and number in (:'p1', :'p2')`,
              ...numbers,
            ),
          { timeout: SWEEP_MS, interval: 1000 },
        )
        .toBe("2");

      for (const { width, number, subject } of opened) {
        const staff = await newPage(browser, { width, height: 900 });
        const customer = await newPage(browser, { width, height: 900 });
        const partner = await newPage(browser, { width, height: 900 });
        try {
          // Support finds it in its own queue, with the note saying who did not answer.
          await logIn(staff.page, TOMAS);
          await staff.page.goto("/support-queue");
          const row = staff.page.locator(`tr[data-case="${number}"]`);
          expect(await row.getAttribute("data-routed")).toBe("VENDOR");
          await row.getByRole("link", { name: number }).click();
          await staff.page.getByTestId("case-escalated").waitFor();
          await staff.page.getByText(NOTE).waitFor();
          await screenshot(staff.page, `escalated-support-${width}`);

          // The customer reads that Aptus took over, without the staff's internal note.
          await logIn(customer.page, BO);
          await customer.page.goto("/support");
          await customer.page.getByRole("link", { name: number }).click();
          expect(await customer.page.getByTestId("case-routing").innerText()).toBe(
            "Nordsäk Säkerhet AB hann inte svara inom svarstiden, så Aptus support har tagit över ärendet.",
          );
          expect(await customer.page.getByText(NOTE).count()).toBe(0);
          await screenshot(customer.page, `escalated-customer-${width}`);

          // The installer's queue no longer holds it.
          await logIn(partner.page, DEMO.petra.email);
          await partner.page.goto("/support-queue");
          await partner.page.locator("h1").waitFor();
          expect(await partner.page.getByText(subject).count()).toBe(0);
        } finally {
          await staff.context.close();
          await customer.context.close();
          await partner.context.close();
        }
      }
    },
    SWEEP_MS + 90_000,
  );
});
