import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, openFromMenu, newPage, screenshot } from "./support";

describe("API tokens", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets a partner admin create a token, see its secret once, and revoke it", async () => {
    const { context, page } = await newPage(browser);
    // The revoke button asks for confirmation.
    page.on("dialog", (dialog) => void dialog.accept());
    const name = `E2E-integration ${Date.now()}`;
    try {
      await logIn(page, DEMO.petra.email);
      await openFromMenu(page, "API-nycklar");
      await page.waitForURL((url) => url.pathname === "/api-tokens");
      await page.getByRole("heading", { name: "API-nycklar", level: 1 }).waitFor();

      await page.getByLabel("Vad används nyckeln till?").fill(name);
      await page.getByRole("button", { name: "Skapa nyckel" }).click();
      await page.getByRole("heading", { name: "Kopiera nyckeln nu" }).waitFor();
      await page.getByText("Det här är enda gången nyckeln visas.", { exact: false }).waitFor();
      const secret = await page.getByLabel(`Hemlig nyckel för ”${name}”`).inputValue();
      expect(secret.length).toBeGreaterThan(20);

      const row = page.locator(`tr[data-token-name="${name}"]`);
      await row.getByText("Aktiv").waitFor();
      // The list shows only the secret's beginning.
      const prefix = (await row.locator("code").textContent())?.replace("…", "") ?? "";
      expect(prefix.length).toBeGreaterThan(0);
      expect(secret.startsWith(prefix)).toBe(true);
      await screenshot(page, "api-token-created");

      // Once: after a reload the secret is gone for good.
      await page.reload();
      await page.getByRole("heading", { name: "API-nycklar", level: 1 }).waitFor();
      expect(await page.getByRole("heading", { name: "Kopiera nyckeln nu" }).count()).toBe(0);
      expect(await page.content()).not.toContain(secret);

      await page.waitForLoadState("networkidle");
      await row.getByRole("button", { name: `Återkalla nyckeln ”${name}”` }).click();
      await page.getByText(`Nyckeln ”${name}” är återkallad och fungerar inte längre.`).waitFor();
      await row.getByText(/Återkallad/).waitFor();
      expect(await row.getByRole("button").count()).toBe(0);
      await screenshot(page, "api-token-revoked");

      // The vendor's admin lists every organisation's tokens, each with whose it is.
      const admin = await newPage(browser);
      try {
        await logIn(admin.page, DEMO.admin.email);
        await admin.page.goto("/api-tokens");
        const seen = admin.page.locator(`tr[data-token-name="${name}"] [data-token-organisation]`);
        expect(await seen.textContent()).toContain(DEMO.petra.organisation);
      } finally {
        await admin.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it("creates a read-only token: listed as such, and the API refuses it a change, naming the missing scope", async () => {
    const { context, page } = await newPage(browser);
    const name = `E2E-rapporter ${Date.now()}`;
    try {
      await logIn(page, DEMO.petra.email);
      await page.goto("/api-tokens");
      await page.getByLabel("Vad används nyckeln till?").fill(name);
      await page.getByRole("radio", { name: "Endast läsa" }).check();
      await page.getByRole("button", { name: "Skapa nyckel" }).click();
      await page.getByRole("heading", { name: "Kopiera nyckeln nu" }).waitFor();
      const secret = await page.getByLabel(`Hemlig nyckel för ”${name}”`).inputValue();
      const row = page.locator(`tr[data-token-name="${name}"]`);
      expect(await row.locator("td[data-scopes]").textContent()).toBe("Endast läsa");
      await screenshot(page, "api-token-read-only");

      const res = await fetch(process.env.API_URL!, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({
          query: `mutation { openSupportCase(input: { category: OTHER, subject: "x", description: "y" }) { userErrors { code } } }`,
        }),
      });
      const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.extensions).toMatchObject({ code: "FORBIDDEN", missingScope: "cases:write" });
      const read = await fetch(process.env.API_URL!, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: `{ agreements { totalCount } }` }),
      });
      expect(((await read.json()) as { errors?: unknown }).errors).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it("shows a chosen scope in Swedish, and asks for one when none is ticked, on a phone", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    const name = `E2E-ärenden ${Date.now()}`;
    try {
      await logIn(page, DEMO.petra.email);
      await page.goto("/api-tokens");
      await page.getByLabel("Vad används nyckeln till?").fill(name);
      // Twenty-odd ticks would make a phone's form long for nothing: they show with "Bara det jag väljer".
      const tick = page.getByRole("checkbox", { name: "Supportärenden: ändra" });
      expect(await tick.isVisible()).toBe(false);
      await page.getByRole("radio", { name: "Bara det jag väljer:" }).check();
      expect(await tick.isVisible()).toBe(true);
      await page.getByRole("button", { name: "Skapa nyckel" }).click();
      await page.getByText("Välj minst en behörighet, eller välj full åtkomst.").waitFor();
      await page.getByRole("checkbox", { name: "Supportärenden: ändra" }).check();
      await page.getByRole("button", { name: "Skapa nyckel" }).click();
      await page.getByRole("heading", { name: "Kopiera nyckeln nu" }).waitFor();
      const row = page.locator(`tr[data-token-name="${name}"]`);
      expect(await row.locator("td[data-scopes]").textContent()).toBe("Supportärenden: ändra");
      await screenshot(page, "api-token-chosen-scopes-390");
    } finally {
      await context.close();
    }
  });

  it("asks for a name before creating a token", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.petra.email);
      await page.goto("/api-tokens");
      const field = page.getByLabel("Vad används nyckeln till?");
      // Only spaces get past the browser's `required`; the portal turns them away.
      await field.fill("   ");
      await page.getByRole("button", { name: "Skapa nyckel" }).click();
      await page.getByText("Ge nyckeln ett namn (1–100 tecken).").waitFor();
      expect(await page.getByRole("heading", { name: "Kopiera nyckeln nu" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
