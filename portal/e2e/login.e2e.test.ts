import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, newPage, pathOf, screenshot } from "./support";

describe("logging in", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("answers a wrong password with the generic message and stays on /login", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByLabel("E-postadress").fill(DEMO.britt.email);
      await page.getByLabel("Lösenord").fill("not-the-password");
      await page.getByRole("button", { name: "Logga in" }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>("#password")?.value === "");
      expect(await alert.textContent()).toBe("Fel e-postadress eller lösenord.");
      expect(pathOf(page)).toBe("/login");
      // The e-mail is kept, the password is not.
      expect(await page.getByLabel("E-postadress").inputValue()).toBe(DEMO.britt.email);
      expect(await page.getByLabel("Lösenord").inputValue()).toBe("");
      await screenshot(page, "login-error");

      // An unknown e-mail gets exactly the same answer: the portal never says which part was wrong.
      await page.getByLabel("E-postadress").fill("nobody@nowhere.demo");
      await page.getByLabel("Lösenord").fill("not-the-password");
      await page.getByRole("button", { name: "Logga in" }).click();
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>("#password")?.value === "");
      expect(await page.getByLabel("E-postadress").inputValue()).toBe("nobody@nowhere.demo");
      expect(await page.getByRole("alert").textContent()).toBe("Fel e-postadress eller lösenord.");
      expect(pathOf(page)).toBe("/login");
      await page.goto("/");
      expect(pathOf(page)).toBe("/login");

      // The right password still works (and clears the API's count of failures for the account).
      await logIn(page, DEMO.britt.email);
      await page.getByRole("heading", { name: `Välkommen, ${DEMO.britt.name}` }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe("a throttled log-in", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says there were too many attempts and how long to wait, on the log-in page", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      // An address no other journey uses, so its account limit (5) runs out here only.
      for (let n = 0; n < 6; n++) {
        await page.getByLabel("E-postadress").fill("throttled@nowhere.demo");
        await page.getByLabel("Lösenord").fill(`not-the-password-${n}`);
        await page.getByRole("button", { name: "Logga in" }).click();
        await page.waitForFunction(() => document.querySelector<HTMLInputElement>("#password")?.value === "");
      }
      const alert = page.getByRole("alert");
      expect(await alert.textContent()).toMatch(/^För många inloggningsförsök\. Försök igen om \d+ min\.$/);
      expect(pathOf(page)).toBe("/login");
      await screenshot(page, "login-throttled");
    } finally {
      await context.close();
    }
  });
});
