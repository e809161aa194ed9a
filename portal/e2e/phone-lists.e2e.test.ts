import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { DEMO, launchBrowser, logIn, newPage, screenshot } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };

/** The role's menu pages and the first page of each kind its lists lead to (an agreement, a visit, a case …). */
async function mainPagesOf(page: Page): Promise<string[]> {
  await page.locator("nav.mainnav[data-collapsible]").waitFor();
  const menu = await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .locator("a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
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
    const first = hrefs.find((href) => pattern.test(href) && href !== "/agreements/new" && !href.endsWith("/csv"));
    if (first) details.push(first);
  }
  return [...new Set([...menu, ...details, "/account"])];
}

/**
 * What a phone user cannot read without scrolling sideways: the page itself wider than the screen, or a box
 * on it (a list's table) that scrolls sideways inside the page.
 */
async function sidewaysOn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const scrolling = document.scrollingElement;
    if (scrolling && scrolling.scrollWidth > window.innerWidth)
      found.push(`the page is ${scrolling.scrollWidth}px wide`);
    for (const element of document.querySelectorAll<HTMLElement>("main *")) {
      const overflow = getComputedStyle(element).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth + 1)
        found.push(`${element.querySelector("table") ? "a table" : element.tagName} scrolls sideways`);
    }
    return found;
  });
}

describe("on a phone (390 px) and a laptop (1280 px) the main pages are read top to bottom, never sideways", () => {
  for (const role of ["admin", "sara", "tomas", "petra", "karin"] as const) {
    it.concurrent(
      `${role}: no page, and no list on it, is wider than the screen`,
      async ({ expect }) => {
        const { context, page } = await newPage(browser, PHONE);
        try {
          await logIn(page, DEMO[role].email);
          const paths = await mainPagesOf(page);
          expect(paths.length).toBeGreaterThan(5);
          const problems: string[] = [];
          for (const width of [PHONE.width, 1280]) {
            await page.setViewportSize({ ...PHONE, width });
            for (const path of paths) {
              await page.goto(path);
              await page.locator("main").waitFor();
              for (const problem of await sidewaysOn(page)) problems.push(`${width}px ${path}: ${problem}`);
            }
          }
          await screenshot(page, `phone-lists-${role}`);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
      300_000,
    );
  }

  it("the public contact page too", async ({ expect }) => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto("/kontakt");
      await page.locator("main").waitFor();
      expect(await sidewaysOn(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
