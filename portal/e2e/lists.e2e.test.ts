import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, menuEntries, newPage, pathOf, screenshot } from "./support";

function rowNames(page: Page): Promise<string[]> {
  return page.locator("tbody th[scope=row]").allTextContents();
}

describe("lists of properties and organisations", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a customer only its own properties", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.karin.email);
      await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Fastigheter" }).click();
      await page.waitForURL((url) => url.pathname === "/properties");
      await page.getByRole("heading", { name: "Fastigheter", level: 1 }).waitFor();
      expect((await rowNames(page)).sort()).toEqual(["Kv. Kungsladugård 7", "Kv. Majorna 12", "Kv. Masthugget 4"]);
      expect(await page.locator("main").textContent()).not.toContain("Linnégatan 12");
      await page.getByText("Visar 3 av 3").waitFor();
      await screenshot(page, "properties");

      await page.getByLabel("Sök på namn eller adress").fill("majorna");
      await page.getByRole("button", { name: "Sök", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("q") === "majorna");
      await page.getByText("Visar 1 av 1").waitFor();
      expect(await rowNames(page)).toEqual(["Kv. Majorna 12"]);

      // Another customer's property is not found, not even by name.
      await page.getByLabel("Sök på namn eller adress").fill("Linnégatan");
      await page.getByRole("button", { name: "Sök", exact: true }).click();
      await page.getByText("Inga fastigheter hittades").waitFor();
      expect(await page.locator("tbody tr").count()).toBe(0);
      await screenshot(page, "properties-empty");
    } finally {
      await context.close();
    }
  });

  it("pages through organisations with Nästa and Föregående", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.admin.email);
      await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Organisationer" }).click();
      await page.waitForURL((url) => url.pathname === "/organisations");
      const total = Number((await page.locator(".pager-status").textContent())?.match(/av (\d+)/)?.[1]);
      expect(total).toBeGreaterThanOrEqual(7);
      await screenshot(page, "organisations");

      // Five a page, so the demo's organisations fill more than one.
      await page.getByLabel("Per sida").selectOption("5");
      await page.getByRole("button", { name: "Sök", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("size") === "5");
      await page.getByText(`Visar 5 av ${total}`).waitFor();
      const first = await rowNames(page);
      expect(first).toHaveLength(5);
      expect(await page.locator("[rel=prev]").count()).toBe(0);

      await page.getByRole("link", { name: /Nästa/ }).click();
      await page.waitForURL((url) => url.searchParams.has("after"));
      // The address changes before the rows do, and page 1 also says "Visar 5 av …": the link back to
      // page 1, which page 1 itself has not, says the second page is the one shown.
      await page.locator("[rel=prev]").waitFor();
      await page.getByText(`Visar ${Math.min(5, total - 5)} av ${total}`).waitFor();
      const second = await rowNames(page);
      expect(second.length).toBeGreaterThan(0);
      expect(second.filter((name) => first.includes(name))).toEqual([]);
      expect(new URL(page.url()).searchParams.get("size")).toBe("5");
      await screenshot(page, "organisations-page-2");

      await page.getByRole("link", { name: /Föregående/ }).click();
      await page.waitForURL((url) => url.searchParams.has("before"));
      await page.locator("[rel=prev]").waitFor({ state: "detached" });
      await page.getByText(`Visar 5 av ${total}`).waitFor();
      expect(await rowNames(page)).toEqual(first);
      expect(await page.locator("[rel=prev]").count()).toBe(0);

      // The kind filter.
      await page.getByLabel("Typ").selectOption("PARTNER");
      await page.getByRole("button", { name: "Sök", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("kind") === "PARTNER");
      await page.getByText("Visar 2 av 2").waitFor();
      expect((await rowNames(page)).sort()).toEqual(["Låsteknik Väst AB", "Nordsäk Säkerhet AB"]);
    } finally {
      await context.close();
    }
  });

  it("says a broken cursor in the URL on the list page, which shows its first page", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.admin.email);
      const response = await page.goto("/organisations?after=not-a-cursor");
      expect(response?.status()).toBe(400);
      await page.getByRole("alert").filter({ hasText: "Listan visas från första sidan." }).waitFor();
      await page.getByRole("heading", { level: 1, name: "Organisationer" }).waitFor();
      // The header and menu stay; the message is the page's own.
      await page.getByRole("navigation", { name: "Huvudmeny" }).waitFor();
      expect(await page.locator("main").textContent()).not.toMatch(/Error|at .*\.js/);
      await screenshot(page, "error-bad-cursor");

      const missing = await page.goto("/finns-inte");
      expect(missing?.status()).toBe(404);
      await page.getByRole("heading", { name: "Sidan finns inte" }).waitFor();
      await page.getByRole("link", { name: "Till översikten", exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe("the menu by role", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("links only the pages each role may use", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.sara.email);
      // Pages of the same kind share a button in the row (decision 0097).
      expect(await menuEntries(page)).toEqual([
        "Översikt",
        "Avtal",
        "Organisationer",
        "Fastigheter",
        "Avtalsförslag",
        "Arbetslista",
        "Supportbesök",
        "Övervakning",
        "Support: Support, Kontaktförfrågningar",
        "Administration: Prislista, Administration",
      ]);
      await page.getByRole("button", { name: "Logga ut" }).click();
      await page.waitForURL((url) => url.pathname === "/login");

      await logIn(page, DEMO.admin.email);
      expect(await menuEntries(page)).toEqual([
        "Översikt",
        "Avtal",
        "Organisationer",
        "Fastigheter",
        "Avtalsförslag",
        "Arbetslista",
        "Supportbesök",
        "Övervakning",
        "Support: Support, Supportkö, Kontaktförfrågningar, Supportkalender",
        "Administration: API-nycklar, Händelselogg, Prislista, Administration, Användare",
      ]);
      await page.getByRole("button", { name: "Logga ut" }).click();
      await page.waitForURL((url) => url.pathname === "/login");

      // A customer who types the address of a page that is not theirs is told so, kindly.
      await logIn(page, DEMO.karin.email);
      const response = await page.goto("/api-tokens");
      expect(response?.status()).toBe(403);
      expect(pathOf(page)).toBe("/api-tokens");
      await page.getByRole("heading", { name: "Ingen behörighet" }).waitFor();
      await screenshot(page, "forbidden");
    } finally {
      await context.close();
    }
  });
});
