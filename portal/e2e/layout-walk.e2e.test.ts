import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, portalUrl, screenshot, sidewaysOn } from "./support";

/**
 * The layout walk: every page each role reaches, at a phone's and a wide screen's width, through axe. It only
 * reads (decision 0124), and reads no words that a journey may switch to another language for a while (Karin's
 * and Britt's own language), so it may run beside the journeys.
 */
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
    .locator("nav.mainnav a")
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

type AxeRun = (
  context: Document | { include: string[][] },
  options: { resultTypes: string[]; runOnly?: string[]; rules?: Record<string, { enabled: boolean }> },
) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;

/**
 * The page's violations at one width. axe is injected once per loaded page (a second injection parsed and compiled
 * its half a megabyte again) and asked for violations only, all that is read. At the phone's width every rule runs
 * over the whole page. At the wide width colour contrast, two thirds of axe's time, is checked only in the main
 * menu (decision 0132): the portal's markup is the same at both widths (no script reads the width) and no style
 * changes a colour by width, so the contrast of everything else was measured at 390 px already, and the menu is the
 * one thing the phone's layout hides (folded behind "Meny"). Every other rule runs over the whole page at both widths,
 * since target sizes and scrolling regions follow the layout.
 */
async function axeViolations(page: Page, width: (typeof WIDTHS)[number]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(
    async ({ wide }) => {
      const run = (window as unknown as { axe: { run: AxeRun } }).axe.run;
      const results = wide
        ? [
            await run(document, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: false } } }),
            ...(document.querySelector("nav.mainnav")
              ? [
                  await run(
                    { include: [["nav.mainnav"]] },
                    { resultTypes: ["violations"], runOnly: ["color-contrast"] },
                  ),
                ]
              : []),
          ]
        : [await run(document, { resultTypes: ["violations"] })];
      return results.flatMap((r) =>
        r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`),
      );
    },
    { wide: width > WIDTHS[0] },
  );
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
          // Each page is loaded once and looked at in both widths: a resize lays it out again as a phone
          // or a wide screen would, without asking the portal and the API for it a second time.
          for (const path of paths) {
            await page.setViewportSize({ width: WIDTHS[0], height: 860 });
            await page.goto(path);
            await page.locator("main").waitFor();
            for (const width of WIDTHS) {
              await page.setViewportSize({ width, height: 860 });
              for (const problem of await sidewaysOn(page)) problems.push(`${width}px ${path}: ${problem}`);
              for (const violation of await axeViolations(page, width))
                problems.push(`${width}px ${path}: ${violation}`);
              const name =
                path
                  .replace(/[A-Za-z0-9_-]{20,}/g, "id")
                  .replace(/[^a-z0-9]+/gi, "-")
                  .replace(/^-|-$/g, "")
                  .slice(0, 60) || "dashboard";
              await screenshot(page, `layout-${width}-${role}-${name}`);
            }
          }
          // The problems themselves in the message: vitest's report shortens a long array to its length.
          expect(problems, problems.join("\n")).toEqual([]);
        } finally {
          await context.close();
        }
      },
      // The admin's walk is the longest (some twenty pages, each through axe at both widths): on two cores loaded by
      // other work it took over six minutes.
      600_000,
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
          for (const violation of await axeViolations(page, width)) problems.push(`${width}px ${path}: ${violation}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("layout: the walk's own axe check", () => {
  it("finds a missing alt text at both widths, weak contrast in the page at 390 px and in the menu at 1280 px", async () => {
    const context = await browser.newContext({ locale: "sv-SE" });
    const page = await context.newPage();
    try {
      await page.setContent(`<!doctype html><html lang="sv"><head><title>Prov</title></head><body>
        <header><nav class="mainnav" aria-label="Huvudmeny"><a href="#avtal" style="color:#c8c8c8">Avtal</a></nav></header>
        <main><h1>Prov</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
        <p id="svag" style="color:#d0d0d0">Svag text</p></main></body></html>`);
      const found: Record<number, string[]> = {};
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 860 });
        found[width] = await axeViolations(page, width);
      }
      const rule = (width: number, id: string) => found[width]!.filter((v) => v.startsWith(`${id}:`)).join(" ");
      expect(rule(390, "image-alt")).toContain("img");
      expect(rule(1280, "image-alt")).toContain("img");
      expect(rule(390, "color-contrast")).toContain("#svag");
      expect(rule(390, "color-contrast")).toContain("a");
      expect(rule(1280, "color-contrast")).toContain("a");
      expect(rule(1280, "color-contrast")).not.toContain("#svag");
    } finally {
      await context.close();
    }
  });
});
