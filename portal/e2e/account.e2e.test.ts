import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, apiAs, launchBrowser, logIn, newPage, screenshot, expectNoSidewaysScroll } from "./support";

const PREFERENCES = `{ viewer { notificationPreferences { topic enabled } } }`;

describe("my account: monitoring e-mail choices", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets a customer admin turn a reminder off at 390 px, saved in the API and shown after a reload", async () => {
    const api = await apiAs(DEMO.britt.email);
    // Every topic on, as a new admin has them, whatever an earlier run left.
    await api(
      `mutation($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { userErrors { code } } }`,
      {
        i: {
          preferences: ["OUTAGE_STARTED", "OUTAGE_REMINDER", "OUTAGE_RECOVERED"].map((topic) => ({
            topic,
            enabled: true,
          })),
        },
      },
    );
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, DEMO.britt.email);
      await page.getByRole("link", { name: DEMO.britt.name }).click();
      await page.waitForURL((url) => url.pathname === "/account");
      await page.getByRole("heading", { name: "Mitt konto", level: 1 }).waitFor();
      const section = page.getByTestId("notification-preferences");
      const reminder = section
        .getByRole("group", { name: "Avbrott" })
        .getByRole("checkbox", { name: "Påminnelse medan avbrottet pågår" });
      expect(await section.getByRole("checkbox").count()).toBe(8);
      expect(await reminder.isChecked()).toBe(true);
      await expectNoSidewaysScroll(page);

      await reminder.uncheck();
      await page.getByRole("button", { name: "Spara val" }).click();
      await page.getByText("Dina val för e-post är sparade.").waitFor();
      await expect.poll(() => reminder.isChecked(), { timeout: 5000 }).toBe(false);
      await screenshot(page, "account-notifications-390");
      const { viewer } = await api<{ viewer: { notificationPreferences: { topic: string; enabled: boolean }[] } }>(
        PREFERENCES,
      );
      expect(viewer.notificationPreferences.filter((p) => !p.enabled)).toEqual([
        { topic: "OUTAGE_REMINDER", enabled: false },
      ]);

      await page.reload();
      expect(await reminder.isChecked()).toBe(false);
      expect(await section.getByRole("checkbox", { name: "När systemet är åter i drift" }).isChecked()).toBe(true);
      await reminder.check();
      await page.getByRole("button", { name: "Spara val" }).click();
      await page.getByText("Dina val för e-post är sparade.").waitFor();
      const after = await api<{ viewer: { notificationPreferences: { enabled: boolean }[] } }>(PREFERENCES);
      expect(after.viewer.notificationPreferences.every((p) => p.enabled)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("tells a customer member there is nothing to choose", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, "kalle@vastkustfast.demo");
      await page.goto("/account");
      await page.getByText("Din roll får inga e-postmeddelanden om övervakningen").waitFor();
      expect(await page.getByRole("checkbox").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
