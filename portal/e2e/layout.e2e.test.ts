import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, portalUrl, screenshot, sidewaysOn } from "./support";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WIDTHS = [390, 1280] as const;
const ROLES = ["karin", "britt", "admin", "petra", "sara", "tomas"] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** axe is injected as a script, which the portal's Content-Security-Policy would rightly refuse. */
async function loggedIn(role: (typeof ROLES)[number], width = 1280) {
  const context = await browser.newContext({
    viewport: { width, height: 860 },
    locale: "sv-SE",
    baseURL: portalUrl(),
    bypassCSP: true,
  });
  const page = await context.newPage();
  await logIn(page, DEMO[role].email);
  return { context, page };
}

/**
 * Every page the role can reach: the menu's, the first of each kind its lists lead to (an agreement and its
 * tailoring, an organisation, a property, a visit, a case), a search and a missing page.
 */
async function pagesOf(page: Page): Promise<string[]> {
  // Every page of the menu, those in its closed groups too.
  await page.locator("nav.mainnav[data-collapsible]").waitFor();
  const menu = await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .locator("a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  // Pages reached from the dashboard's counts rather than the menu: the outbox, the visits to book.
  const fromDashboard = await page
    .locator(".dashboard a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const counted = fromDashboard.filter(
    (href) => !menu.includes(href) && (href.startsWith("/admin/") || href.startsWith("/visits?")),
  );
  const details: string[] = [];
  for (const [list, pattern] of [
    ["/agreements", /^\/agreements\/[^/]+$/],
    ["/organisations", /^\/organisations\/[^/]+$/],
    ["/properties", /^\/properties\/[^/]+$/],
    ["/visits", /^\/visits\/[^/?]+$/],
    ["/support", /^\/support\/[^/]+$/],
    ["/support-queue", /^\/support\/[^/]+$/],
  ] as const) {
    if (!menu.includes(list)) continue;
    await page.goto(list);
    const hrefs = await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    // Not the page for a new agreement, nor a list's CSV export (a download, not a page).
    const first = hrefs.find((href) => pattern.test(href) && href !== "/agreements/new" && !href.endsWith("/csv"));
    if (first) details.push(first);
    if (list === "/agreements" && first) details.push(`${first}/tailoring`);
  }
  return [...new Set([...menu, ...counted, ...details, "/account", "/search?q=kastanj", "/finns-inte"])];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe("layout: every page fits the screen, and no list on it scrolls sideways, and passes axe", () => {
  // The roles' walks are independent (a context each), and the longest file of the browser tests:
  // side by side they keep both cores busy while one page waits on the portal and the API.
  for (const role of ROLES) {
    it.concurrent(
      `${role}: no page, and no list on it, is wider than the viewport at 390 and 1280 px, and axe finds nothing`,
      async ({ expect }) => {
        const { context, page } = await loggedIn(role);
        try {
          const paths = await pagesOf(page);
          expect(paths.length).toBeGreaterThan(4);
          const problems: string[] = [];
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 860 });
            for (const path of paths) {
              await page.goto(path);
              await page.locator("main").waitFor();
              for (const problem of await sidewaysOn(page)) problems.push(`${width}px ${path}: ${problem}`);
              for (const violation of await axeViolations(page)) problems.push(`${width}px ${path}: ${violation}`);
              const name =
                path
                  .replace(/[A-Za-z0-9_-]{20,}/g, "id")
                  .replace(/[^a-z0-9]+/gi, "-")
                  .replace(/^-|-$/g, "")
                  .slice(0, 60) || "dashboard";
              await screenshot(page, `layout-${width}-${role}-${name}`);
            }
          }
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
      // The admin's walk is the longest (some twenty pages, twice, each through axe): room for a busy machine.
      360_000,
    );
  }
});

describe("layout: the pages reached without a log-in", () => {
  it("fit 390 and 1280 px and pass axe: log-in, forgotten password, a reset link, an invitation link, the contact page", async () => {
    const context = await browser.newContext({ locale: "sv-SE", baseURL: portalUrl(), bypassCSP: true });
    const page = await context.newPage();
    try {
      const problems: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 860 });
        for (const path of ["/login", "/forgot-password", "/reset-password/tgr_x", "/invitation/tgi_x", "/kontakt"]) {
          await page.goto(path);
          await page.locator("main").waitFor();
          for (const problem of await sidewaysOn(page)) problems.push(`${width}px ${path}: ${problem}`);
          for (const violation of await axeViolations(page)) problems.push(`${width}px ${path}: ${violation}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("layout: menu, search and missing pages", () => {
  it("on a wide screen the longest menu (the admin's) is one row, and each group opens its pages in view", async () => {
    const { context, page } = await loggedIn("admin", 1280);
    try {
      await page.locator("nav.mainnav[data-collapsible]").waitFor();
      const nav = page.getByRole("navigation", { name: "Huvudmeny" });
      const entries = nav.locator(".mainnav-inner > li");
      expect(await entries.count()).toBeGreaterThan(8);
      const rows = new Set<number>();
      const outside: string[] = [];
      for (const entry of await entries.all()) {
        const box = await entry.boundingBox();
        if (!box || box.x < 0 || box.x + box.width > 1280) outside.push(`${await entry.textContent()}`);
        if (box) rows.add(Math.round(box.y));
      }
      expect(outside).toEqual([]);
      expect(rows.size).toBe(1);

      // Each group is a disclosure: its pages in view while open, gone after Escape, with focus back on its button.
      for (const name of ["Support", "Administration"]) {
        const button = nav.getByRole("button", { name });
        await button.click();
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        const group = nav.locator(".mainnav-group").filter({ has: page.getByRole("button", { name }) });
        const links = group.getByRole("link");
        expect(await links.count()).toBeGreaterThan(1);
        for (const link of await links.all()) {
          const box = await link.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= 1280, `${await link.textContent()} in view`).toBe(true);
        }
        await page.keyboard.press("Escape");
        expect(await button.getAttribute("aria-expanded")).toBe("false");
        expect(await links.count()).toBe(0);
        expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
      }
      await screenshot(page, "layout-menu-1280");

      // By keyboard alone: Enter opens the group, Tab walks into it, Enter follows the link.
      const button = nav.getByRole("button", { name: "Administration" });
      await button.focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("API-nycklar");
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/api-tokens");
      // The page shown is in the group: the closed group's button says so.
      await nav.locator(".mainnav-group-toggle[data-current]", { hasText: "Administration" }).waitFor();
      expect(await button.getAttribute("aria-expanded")).toBe("false");
    } finally {
      await context.close();
    }
  });

  it("on a wide screen the header is one row, even beside a customer's long organisation name", async () => {
    const { context, page } = await loggedIn("karin", 1280);
    try {
      const centres: number[] = [];
      for (const part of [
        page.locator(".topbar .brand"),
        page.getByRole("searchbox", { name: "Sök i Trygg" }),
        page.getByRole("button", { name: "Logga ut" }),
      ]) {
        const box = (await part.boundingBox())!;
        centres.push(box.y + box.height / 2);
      }
      expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(20);
    } finally {
      await context.close();
    }
  });

  it("on a phone the menu collapses behind a disclosure button that opens it, its groups inside", async () => {
    const { context, page } = await loggedIn("admin", 390);
    try {
      await page.locator("nav.mainnav[data-collapsible]").waitFor();
      const nav = page.getByRole("navigation", { name: "Huvudmeny" });
      const toggle = nav.getByRole("button", { name: "Meny" });
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      expect(await nav.getByRole("link", { name: "Fastigheter" }).isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      await nav.getByRole("link", { name: "Fastigheter" }).click();
      await page.waitForURL((url) => url.pathname === "/properties");
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");

      await toggle.click();
      await nav.getByRole("button", { name: "Administration" }).click();
      await screenshot(page, "layout-menu-390");
      await nav.getByRole("link", { name: "Användare" }).click();
      await page.waitForURL((url) => url.pathname === "/admin/users");
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    } finally {
      await context.close();
    }
  });

  it("search finds only what the viewer may see, and each result leads to the thing", async () => {
    const karin = await loggedIn("karin");
    const admin = await loggedIn("admin");
    try {
      // Brf Kastanjen is another customer: Karin's search does not find it, the vendor's admin's does.
      await karin.page.getByRole("searchbox", { name: "Sök i Trygg" }).fill("Kastanjen");
      await karin.page.getByRole("searchbox", { name: "Sök i Trygg" }).press("Enter");
      await karin.page.waitForURL((url) => url.pathname === "/search");
      await karin.page.getByRole("heading", { name: "Sök" }).waitFor();
      expect(await karin.page.locator("main").textContent()).not.toContain("Kastanjen AB");
      expect(await karin.page.locator(".search-result").filter({ hasText: "Brf Kastanjen" }).count()).toBe(0);

      await admin.page.goto("/search?q=Kastanjen");
      const hit = admin.page.locator(".search-result").filter({ hasText: "Brf Kastanjen" }).first();
      await hit.waitFor();
      await hit.getByRole("link").click();
      await admin.page.getByRole("heading", { level: 1, name: /Kastanjen/ }).waitFor();

      // Karin finds her own organisation, and a typo does not matter.
      await karin.page.goto("/search?q=Vastkustens%20Fastigheter");
      await karin.page.locator(".search-result").filter({ hasText: DEMO.karin.organisation }).first().waitFor();
    } finally {
      await karin.context.close();
      await admin.context.close();
    }
  });

  it("a missing page keeps the menu, the search box and the log-out button", async () => {
    const { context, page } = await loggedIn("britt");
    try {
      const response = await page.goto("/finns/inte/alls");
      expect(response?.status()).toBe(404);
      await page.getByRole("heading", { name: "Sidan finns inte" }).waitFor();
      await page.getByRole("navigation", { name: "Huvudmeny" }).waitFor();
      await page.getByRole("searchbox", { name: "Sök i Trygg" }).waitFor();
      await page.getByRole("button", { name: "Logga ut" }).waitFor();
      await screenshot(page, "layout-404-logged-in");
    } finally {
      await context.close();
    }
  });

  it("an impossible date in the agreements filter says the date is wrong, like a bad cursor", async () => {
    const { context, page } = await loggedIn("sara");
    try {
      const response = await page.goto("/agreements?endingBefore=2026-13-45");
      expect(response?.status()).toBe(400);
      // Said on the list page itself, which still lists (rough-edges.e2e.test.ts looks closer).
      await page.getByRole("alert").filter({ hasText: "är inget giltigt datum" }).waitFor();
      await page.getByRole("navigation", { name: "Huvudmeny" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
