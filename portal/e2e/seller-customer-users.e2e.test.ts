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
  screenshot,
} from "./support";

/**
 * A seller signs up a new customer and its people in one sitting (issue 22, decision 0112): registers it on
 * Administration, goes on to its page, invites its first admin with a customer's roles only, and the invited person
 * opens the link from the mail and chooses a password, at 1280 and 390 px.
 */
let browser: Browser;
const run = Date.now().toString().slice(-6);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const succeeded = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text }).waitFor();
const section = (page: Page, heading: string | RegExp) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: heading }) });

describe("a seller registers a customer and invites its users", () => {
  for (const width of [1280, 390]) {
    it(`registers the customer, invites its admin, and the admin accepts from the mail (${width} px)`, async () => {
      const name = `Brf Hasseln ${width} ${run}`;
      const email = `ordf${width}-${run}@brfhasseln.example`;
      const { context, page } = await newPage(browser, { width, height: 900 });
      const { context: inviteeContext, page: invitee } = await newPage(browser, { width, height: 900 });
      try {
        await logIn(page, DEMO.sara.email);
        await page.goto("/administration");
        const org = section(page, "Ny organisation");
        await org.getByLabel("Namn").fill(name);
        await org.getByLabel("Organisationsnummer").fill(freshOrganisationNumber());
        // The contact is taken at registration (decision 0125): whom to reach, apart from the users invited next.
        await org.getByLabel("Kontakt (person eller funktion)").fill("Styrelsen");
        await org.getByLabel("Kontaktens e-postadress").fill(`styrelsen${width}-${run}@brfhasseln.example`);
        await org.getByRole("button", { name: "Skapa organisation" }).click();
        await succeeded(page, `${name} är skapad.`);
        await page.getByTestId("invite-new-customer-users").click();
        await page.getByRole("heading", { level: 1, name }).waitFor();
        expect(await page.getByTestId("organisation-contact").textContent()).toBe(
          `Styrelsen · styrelsen${width}-${run}@brfhasseln.example`,
        );

        const invite = section(page, `Bjud in användare hos ${name}`);
        const roles = await invite
          .getByLabel("Roll")
          .locator("option")
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
        expect(roles).toEqual(["CUSTOMER_ADMIN", "CUSTOMER_MEMBER"]);
        await invite.getByLabel("Namn").fill("Ordförande Hassel");
        await invite.getByLabel("E-postadress").fill(email);
        await invite.getByRole("button", { name: "Skicka inbjudan" }).click();
        await succeeded(page, "En inbjudan till Ordförande Hassel är skickad.");
        await page.getByTestId("invitations").locator(`li[data-email='${email}']`).waitFor();
        await expectNoSidewaysScroll(page);
        await screenshot(page, `seller-customer-users-${width}`);

        const [link] = await awaitMail(email, /https?:\/\/\S+\/invitation\/tgi_[\w-]+/);
        await invitee.goto(new URL(link!).pathname);
        await invitee.getByRole("heading", { name: "Välkommen, Ordförande Hassel!" }).waitFor();
        await invitee.getByText(name).first().waitFor();
        await expectNoSidewaysScroll(invitee);
        await invitee.getByLabel("Nytt lösenord", { exact: true }).fill("hasselns-egen-fras-för-trygg");
        await invitee.getByLabel("Upprepa lösenordet").fill("hasselns-egen-fras-för-trygg");
        await invitee.getByRole("button", { name: "Skapa mitt konto" }).click();
        await invitee.waitForURL((url) => url.pathname === "/");

        // Accepted: no longer among the open invitations on the customer's page.
        await page.reload();
        await page.getByRole("heading", { level: 1, name }).waitFor();
        expect(await page.locator(`[data-testid=invitations] li[data-email='${email}']`).count()).toBe(0);
      } finally {
        await inviteeContext.close();
        await context.close();
      }
    });
  }

  it("offers no invitation on the vendor's or a partner's page", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.sara.email);
      await page.goto("/organisations?kind=PARTNER");
      await page.getByRole("link", { name: DEMO.petra.organisation }).first().click();
      await page.getByRole("heading", { level: 1, name: DEMO.petra.organisation }).waitFor();
      expect(await page.getByTestId("invite-customer-users").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
