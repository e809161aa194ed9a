import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, DEMO, launchBrowser, logIn, newPage, pathOf, screenshot, expectNoSidewaysScroll } from "./support";

describe("a customer's journey", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("logs in, sees the dashboard in Swedish, switches to English and logs out", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/");
      expect(pathOf(page)).toBe("/login");
      expect(await page.getAttribute("html", "lang")).toBe("sv");
      await page.getByRole("heading", { name: "Logga in" }).waitFor();
      await page.getByText("Supportavtal för Aptus-system").waitFor();
      await screenshot(page, "login");

      await logIn(page, DEMO.karin.email);
      const main = page.locator("main");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        `Välkommen, ${DEMO.karin.name}`,
      );
      await main.getByText(DEMO.karin.organisation).waitFor();
      await main.getByText("Kundadministratör").waitFor();
      await expect(page.getByTestId("property-count").textContent()).resolves.toBe("3");
      expect(await page.title()).toBe("Översikt – Trygg");

      // A customer admin's menu: no Organisationer, no API-nycklar; the worklist of tailorings waiting on them
      // (decision 0031).
      const nav = page.getByRole("navigation", { name: "Huvudmeny" });
      expect(await nav.getByRole("link").allTextContents()).toEqual([
        "Översikt",
        "Avtal",
        "Fastigheter",
        "Avtalsförslag",
        "Arbetslista",
        "Supportbesök",
        "Support",
        "Övervakning",
        "Användare",
      ]);
      await screenshot(page, "dashboard-sv");

      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: `Welcome, ${DEMO.karin.name}` }).waitFor();
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(pathOf(page)).toBe("/");
      await main.getByText("Customer administrator").waitFor();
      await main.getByText("Your agreements").waitFor();
      await expect(
        page.getByRole("navigation", { name: "Main menu" }).getByRole("link").allTextContents(),
      ).resolves.toEqual([
        "Dashboard",
        "Agreements",
        "Properties",
        "Agreement proposals",
        "Worklist",
        "Support visits",
        "Support",
        "Monitoring",
        "Users",
      ]);
      await screenshot(page, "dashboard-en");

      await page.getByRole("button", { name: "Log out" }).click();
      await page.waitForURL((url) => url.pathname === "/login");
      // The language outlives the session.
      await page.getByRole("heading", { name: "Log in" }).waitFor();

      await page.goto("/");
      expect(pathOf(page)).toBe("/login");
      await page.goto("/properties");
      expect(pathOf(page)).toBe("/login");
    } finally {
      await context.close();
      // The switch while logged in is stored on Karin's account (decision 0075): Swedish again for the journeys after.
      const karin = await apiAs(DEMO.karin.email);
      await karin("mutation { setMyLanguage(input: { language: SV }) { userErrors { code } } }");
    }
  });

  it("returns to the page asked for after logging in", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/properties?q=Majorna");
      expect(pathOf(page)).toBe("/login");
      await page.getByLabel("E-postadress").fill(DEMO.karin.email);
      await page.getByLabel("Lösenord").fill("trygg-demo-2026");
      await page.getByRole("button", { name: "Logga in" }).click();
      await page.waitForURL((url) => url.pathname === "/properties");
      await page.getByText("Visar 1 av 1").waitFor();
      expect(await page.locator("tbody th").allTextContents()).toEqual(["Kv. Majorna 12"]);
    } finally {
      await context.close();
    }
  });

  it("sends a user whose API session has ended back to /login", async () => {
    const first = await newPage(browser);
    const second = await newPage(browser);
    try {
      // The same session in two browsers, e.g. two tabs of a shared computer.
      await logIn(first.page, DEMO.karin.email);
      await second.context.addCookies(await first.context.cookies());
      await second.page.goto("/");
      await second.page.getByRole("heading", { name: `Välkommen, ${DEMO.karin.name}` }).waitFor();

      // Logging out in one ends the API session; the other finds out on its next page.
      await first.page.getByRole("button", { name: "Logga ut" }).click();
      await first.page.waitForURL((url) => url.pathname === "/login");
      await second.page.goto("/properties");
      expect(pathOf(second.page)).toBe("/login");
      expect(new URL(second.page.url()).searchParams.get("redirectTo")).toBe("/properties");
      // The stale token is gone from the cookie: the login page no longer bounces to the dashboard.
      await second.page.goto("/login");
      expect(pathOf(second.page)).toBe("/login");
      await second.page.getByRole("heading", { name: "Logga in" }).waitFor();
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it("shows the dashboard at mobile width", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, DEMO.karin.email);
      await page.getByRole("heading", { name: `Välkommen, ${DEMO.karin.name}` }).waitFor();
      // Nothing wider than the screen: no sideways scrolling of the whole page.
      await expectNoSidewaysScroll(page);
      await screenshot(page, "dashboard-mobile");
    } finally {
      await context.close();
    }
  });
});
