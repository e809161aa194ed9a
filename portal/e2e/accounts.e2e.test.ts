import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "./mailbox";
import {
  DEMO,
  DEMO_PASSWORD,
  apiAs,
  launchBrowser,
  logIn,
  newPage,
  pathOf,
  screenshot,
  expectNoSidewaysScroll,
} from "./support";

const PHONE = { width: 390, height: 844 };
const run = Date.now().toString(36);

/** The path of a link in a mail, opened on the portal under test (the mail names the configured portal). */
const pathOfLink = (link: string) => new URL(link).pathname;

async function welcomed(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("heading", { name: /^Välkommen, / }).waitFor();
}

describe("accounts people open and recover themselves", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a forgotten password is reset from the link in the mail, on a phone; the old session ends", async () => {
    const email = `glomsk${run}@vastkustfast.demo`;
    const karin = await apiAs(DEMO.karin.email);
    const { viewer } = await karin<{ viewer: { organisation: { id: string } } }>("{ viewer { organisation { id } } }");
    await karin("mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code } } }", {
      i: {
        organisationId: viewer.organisation.id,
        name: "Greta Glömsk",
        email,
        role: "CUSTOMER_MEMBER",
        password: DEMO_PASSWORD,
      },
    });
    const before = await apiAs(email);

    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto("/login");
      await page.getByRole("link", { name: "Glömt lösenordet?" }).click();
      await page.waitForURL((url) => url.pathname === "/forgot-password");
      await expectNoSidewaysScroll(page);

      // An address with no account gets exactly the same words as one with an account.
      await page.getByLabel("E-postadress").fill(`ingen${run}@vastkustfast.demo`);
      await page.getByRole("button", { name: "Skicka länk" }).click();
      // The answer names the address; the page's busy bar is a status too, and says "Laddar…" meanwhile.
      const answer = () => page.getByRole("status").filter({ hasText: "@vastkustfast.demo" }).textContent();
      const unknownAnswer = (await answer())!.replace(`ingen${run}`, "X");
      await page.goto("/forgot-password");
      await page.getByLabel("E-postadress").fill(email);
      await page.getByRole("button", { name: "Skicka länk" }).click();
      const knownAnswer = (await answer())!.replace(`glomsk${run}`, "X");
      expect(knownAnswer).toBe(unknownAnswer);
      await screenshot(page, "accounts-forgot-sent");

      const [link] = await awaitMail(email, /https?:\/\/\S+\/reset-password\/tgr_[\w-]+/);
      await page.goto(pathOfLink(link!));
      await expectNoSidewaysScroll(page);
      await page.getByLabel("Nytt lösenord", { exact: true }).fill("gretas-nya-fras-för-trygg");
      await page.getByLabel("Upprepa lösenordet").fill("gretas-nya-fras-for-trygg");
      await page.getByRole("button", { name: "Spara lösenordet" }).click();
      await page.getByRole("alert").filter({ hasText: "Lösenorden är inte likadana." }).waitFor();
      await page.getByLabel("Nytt lösenord", { exact: true }).fill("gretas-nya-fras-för-trygg");
      await page.getByLabel("Upprepa lösenordet").fill("gretas-nya-fras-för-trygg");
      await page.getByRole("button", { name: "Spara lösenordet" }).click();
      await welcomed(page);
      await screenshot(page, "accounts-reset-done");

      // The session from before the reset has ended; the link does not work twice.
      await expect(before("{ viewer { user { email } } }")).resolves.toEqual({ viewer: null });
      await page.context().clearCookies();
      await page.goto(pathOfLink(link!));
      await page.getByLabel("Nytt lösenord", { exact: true }).fill("en-tredje-fras-för-trygg");
      await page.getByLabel("Upprepa lösenordet").fill("en-tredje-fras-för-trygg");
      await page.getByRole("button", { name: "Spara lösenordet" }).click();
      await page.getByRole("alert").filter({ hasText: "Länken gäller inte, eller har redan använts." }).waitFor();
      await page.getByRole("link", { name: "Be om en ny länk" }).waitFor();

      await logIn(page, email, "gretas-nya-fras-för-trygg");
      expect(pathOf(page)).toBe("/");

      // Mitt konto: a new password only with the current one.
      await page.goto("/account");
      const change = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Lösenord" }) });
      await change.getByLabel("Nuvarande lösenord").fill("inte-det-gamla-alls");
      await change.getByLabel("Nytt lösenord", { exact: true }).fill("gretas-tredje-fras-för-trygg");
      await change.getByLabel("Upprepa lösenordet").fill("gretas-tredje-fras-för-trygg");
      await change.getByRole("button", { name: "Byt lösenord" }).click();
      await change.getByText("Det nuvarande lösenordet stämmer inte.").waitFor();
      await expectNoSidewaysScroll(page);
      await change.getByLabel("Nuvarande lösenord").fill("gretas-nya-fras-för-trygg");
      await change.getByLabel("Nytt lösenord", { exact: true }).fill("gretas-tredje-fras-för-trygg");
      await change.getByLabel("Upprepa lösenordet").fill("gretas-tredje-fras-för-trygg");
      await change.getByRole("button", { name: "Byt lösenord" }).click();
      await page.getByRole("status").filter({ hasText: "Lösenordet är bytt." }).waitFor();
      await screenshot(page, "accounts-password-changed");
      // This session goes on; a new log-in takes the new password.
      await page.goto("/account");
      await page.getByRole("heading", { name: "Mitt konto" }).waitFor();
      const fresh = await newPage(browser, PHONE);
      await logIn(fresh.page, email, "gretas-tredje-fras-för-trygg");
      await fresh.context.close();
    } finally {
      await context.close();
    }
  });

  it("a customer admin invites a colleague, who accepts from the mail on a phone and is logged in", async () => {
    const email = `inbjuden${run}@vastkustfast.demo`;
    const { context: adminContext, page: admin } = await newPage(browser, PHONE);
    const { context, page } = await newPage(browser, PHONE);
    try {
      await logIn(admin, DEMO.karin.email);
      await admin.goto("/admin/users");
      await expectNoSidewaysScroll(admin);
      const invite = admin
        .locator("section")
        .filter({ has: admin.getByRole("heading", { level: 2, name: "Bjud in en användare" }) });
      await invite.getByLabel("Namn").fill("Ingrid Inbjuden");
      await invite.getByLabel("E-postadress").fill(email);
      await invite.getByLabel("Roll", { exact: true }).selectOption("CUSTOMER_MEMBER");
      await invite.getByRole("button", { name: "Skicka inbjudan" }).click();
      await admin.getByRole("status").filter({ hasText: "En inbjudan till Ingrid Inbjuden är skickad." }).waitFor();
      const pending = admin.getByTestId("invitations").locator(`li[data-email='${email}']`);
      await pending.waitFor();
      await expectNoSidewaysScroll(admin);
      await screenshot(admin, "accounts-invitation-pending");

      // Sent again: the first link stops working, the second one is the one to use.
      const [first] = await awaitMail(email, /https?:\/\/\S+\/invitation\/tgi_[\w-]+/);
      await pending.getByRole("button", { name: "Skicka igen" }).click();
      await admin.getByRole("status").filter({ hasText: "Inbjudan till Ingrid Inbjuden är skickad igen" }).waitFor();
      let second = first;
      for (let i = 0; i < 80 && second === first; i++) {
        [second] = await awaitMail(email, /https?:\/\/\S+\/invitation\/tgi_[\w-]+/);
        if (second === first) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(second).not.toBe(first);
      await page.goto(pathOfLink(first!));
      await page.getByRole("alert").filter({ hasText: "Länken gäller inte" }).waitFor();

      await page.goto(pathOfLink(second!));
      await page.getByRole("heading", { name: "Välkommen, Ingrid Inbjuden!" }).waitFor();
      await page.getByText("Västkustens Fastigheter AB").first().waitFor();
      await expectNoSidewaysScroll(page);
      await page.getByLabel("Nytt lösenord", { exact: true }).fill("ingrids-egen-fras-för-trygg");
      await page.getByLabel("Upprepa lösenordet").fill("ingrids-egen-fras-för-trygg");
      await screenshot(page, "accounts-invitation-accept");
      await page.getByRole("button", { name: "Skapa mitt konto" }).click();
      await welcomed(page);

      await page.goto(pathOfLink(second!));
      await page.getByRole("alert").filter({ hasText: "Inbjudan är redan använd." }).waitFor();

      await admin.reload();
      await admin.getByTestId("users").locator(`tr[data-user='${email}']`).waitFor();
      expect(await admin.locator(`[data-testid=invitations] li[data-email='${email}']`).count()).toBe(0);
    } finally {
      await context.close();
      await adminContext.close();
    }
  });
});
