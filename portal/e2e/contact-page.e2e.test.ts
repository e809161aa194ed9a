import type { Browser, Page } from "playwright-core";
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
} from "./support";

/**
 * "Vi lämnar aldrig en kund" (issue 22): someone without an account writes from the public contact page, reads the
 * receipt with the answer time in the mail, and the vendor's staff link the request to an organisation.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function sendFromContactPage(
  page: Page,
  kind: string,
  sender: { name: string; email: string; org: string },
  systemDown = false,
) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Inget konto? Kontakta oss" }).click();
  await page.getByRole("heading", { level: 1, name: "Kontakta Aptus" }).waitFor();
  await page.getByLabel(kind).check();
  await page.getByLabel("Ditt namn").fill(sender.name);
  await page.getByLabel("E-postadress").fill(sender.email);
  await page.getByLabel("Förening eller företag (valfritt)").fill(sender.org);
  await page.getByLabel("Beskriv vad du behöver").fill(`Hej! ${kind}. Porten i hus A går inte att öppna med tagg.`);
  if (systemDown) await page.getByLabel(/Hela systemet är ur funktion/).check();
  await page.getByRole("button", { name: "Skicka" }).click();
  return page.getByRole("status").filter({ hasText: /senast .+ Ett kvitto har skickats till/ });
}

describe("the public contact page", () => {
  it("refuses an empty message beside its field and keeps what was typed (390 px)", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 900 });
    try {
      await page.goto("/kontakt");
      await page.getByLabel("Ditt namn").fill("Olle Utan Konto");
      await page.getByLabel("E-postadress").fill("inte-en-adress@");
      await page.getByLabel("Beskriv vad du behöver").fill("Hjälp");
      // The browser's own check is what people meet first; without it the API's words are shown beside the field.
      await page.evaluate(() =>
        document.querySelector("form[aria-label='Kontakta Aptus']")?.setAttribute("novalidate", ""),
      );
      await page.getByRole("button", { name: "Skicka" }).click();
      await page.getByText("Ange en giltig e-postadress, t.ex. namn@exempel.se.").waitFor();
      expect(await page.getByLabel("Ditt namn").inputValue()).toBe("Olle Utan Konto");
      await expectNoSidewaysScroll(page);
    } finally {
      await context.close();
    }
  });

  for (const [width, kind, staff] of [
    [1280, "Jag behöver hjälp", "tomas.tekniker@aptus.demo"],
    [390, "Jag vill bli kontaktad om ett avtal", DEMO.sara.email],
  ] as const) {
    it(`is sent without an account, the receipt read from the mail, and linked by staff (${width} px)`, async () => {
      const stamp = Date.now();
      const sender = { name: `Gunnar ${stamp}`, email: `gunnar.${stamp}@brfeken.example`, org: `Brf Eken ${stamp}` };
      const visitor = await newPage(browser, { width, height: 900 });
      const staffer = await newPage(browser, { width, height: 900 });
      try {
        const page = visitor.page;
        const help = staff !== DEMO.sara.email;
        const sent = await sendFromContactPage(page, kind, sender, help);
        await sent.waitFor();
        expect(await sent.innerText()).toContain(sender.email);
        await expectNoSidewaysScroll(page);
        await screenshot(page, `contact-sent-${width}`);
        const receipt = await awaitMail(sender.email, /(svarar|kontaktar dig om avtal) senast (.+?\d{2}[:.]\d{2})/);
        expect(receipt[2]).toMatch(/\d{2}:\d{2}/);

        const s = staffer.page;
        await logIn(s, staff);
        await openFromMenu(s, "Kontaktförfrågningar");
        await s.getByRole("heading", { level: 1, name: "Kontaktförfrågningar" }).waitFor();
        const card = s.getByTestId("contact-requests").locator("li").filter({ hasText: sender.email });
        await card.waitFor();
        if (staff === DEMO.sara.email) {
          // A lead from someone Trygg does not know: the seller registers the association as a customer.
          const register = card.getByRole("form", {
            name: `Registrera organisationen för förfrågan från ${sender.name}`,
          });
          expect(await register.getByLabel("Kundens namn").inputValue()).toBe(sender.org);
          await register.getByLabel("Organisationsnummer").fill(freshOrganisationNumber());
          await register.getByRole("button", { name: "Registrera som ny kund" }).click();
          await s
            .getByRole("status")
            .filter({ hasText: `${sender.org} är registrerad som kund` })
            .waitFor();
        } else {
          const link = card.getByRole("form", { name: `Koppla förfrågan från ${sender.name}` });
          await link.getByLabel("Organisation").selectOption({ label: "Brf Kastanjen (769623-4561)" });
          await link.getByRole("button", { name: "Koppla" }).click();
          await s.getByRole("status").filter({ hasText: "Förfrågan är kopplad till Brf Kastanjen." }).waitFor();
        }
        // Once the list is loaded again, the request has left the waiting ones.
        await card.waitFor({ state: "detached" });
        await expectNoSidewaysScroll(s);
        await screenshot(s, `contact-linked-${width}`);
        const views = s.getByRole("form", { name: "Visa" });
        await views.getByLabel("Visa").selectOption("linked");
        await views.getByRole("button", { name: "Visa" }).click();
        const linked = s.getByTestId("contact-requests").locator("li").filter({ hasText: sender.email });
        expect(await linked.getByTestId("linked-to").innerText()).toMatch(/^Kopplad till (Brf Kastanjen|Brf Eken)/);
        if (!help) {
          // A sales lead stays a lead (decision 0092).
          expect(await linked.getByTestId("contact-case").count()).toBe(0);
          return;
        }
        // The help request became Brf Kastanjen's case, as bad as the sender said, due when the receipt promised.
        await linked.getByTestId("contact-case").click();
        await s.getByTestId("case-severity").filter({ hasText: "Hela systemet ur funktion" }).waitFor();
        const due = new Date((await s.getByTestId("case-due").getAttribute("data-at"))!);
        const inReceiptWords = new Intl.DateTimeFormat("sv-SE", {
          timeZone: "Europe/Stockholm",
          weekday: "long",
          day: "numeric",
          month: "long",
          hour: "2-digit",
          minute: "2-digit",
        }).format(due);
        expect(receipt[2]).toBe(inReceiptWords);
        // The text is the sender's, and says so: their name and address, not the staff member who linked it (0103).
        const first = s.getByTestId("thread").locator("li").first();
        expect(await first.getByTestId("contact-sender").innerText()).toBe(sender.name);
        expect(await first.innerText()).toContain(`${sender.email} · via kontaktformuläret`);
        expect(await first.innerText()).not.toContain(DEMO.tomas.name);
        await expectNoSidewaysScroll(s);
        await screenshot(s, `contact-case-${width}`);
      } finally {
        await visitor.context.close();
        await staffer.context.close();
      }
    });
  }

  for (const width of [1280, 390]) {
    it(`lets support register the sender's association from a help request in one click, its case opened (${width} px)`, async () => {
      const stamp = Date.now();
      const sender = { name: `Greta ${stamp}`, email: `greta.${stamp}@brfalmen.example`, org: `Brf Almen ${stamp}` };
      const visitor = await newPage(browser, { width, height: 900 });
      const staffer = await newPage(browser, { width, height: 900 });
      try {
        await (await sendFromContactPage(visitor.page, "Jag behöver hjälp", sender)).waitFor();
        const s = staffer.page;
        await logIn(s, DEMO.tomas.email);
        await s.goto("/contact-requests");
        const card = s.getByTestId("contact-requests").locator("li").filter({ hasText: sender.email });
        // Support registers the association itself (decision 0113), the form prefilled from what the sender wrote.
        const register = card.getByRole("form", {
          name: `Registrera organisationen för förfrågan från ${sender.name}`,
        });
        expect(await register.getByLabel("Kundens namn").inputValue()).toBe(sender.org);
        await register.getByLabel("Organisationsnummer").fill(freshOrganisationNumber());
        await expectNoSidewaysScroll(s);
        await register.getByRole("button", { name: "Registrera som ny kund" }).click();
        await s
          .getByRole("status")
          .filter({ hasText: `${sender.org} är registrerad som kund` })
          .waitFor();
        await card.waitFor({ state: "detached" });
        await s.goto("/contact-requests?view=linked");
        const linked = s.getByTestId("contact-requests").locator("li").filter({ hasText: sender.email });
        expect(await linked.getByTestId("linked-to").innerText()).toMatch(new RegExp(`^Kopplad till ${sender.org}`));
        await linked.getByTestId("contact-case").click();
        await s.getByText(sender.org).first().waitFor();
        await expectNoSidewaysScroll(s);
        await screenshot(s, `contact-support-registered-${width}`);
      } finally {
        await visitor.context.close();
        await staffer.context.close();
      }
    });
  }
});
