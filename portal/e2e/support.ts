import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

/**
 * The e2e database (the runner's `trygg_e2e`), read and changed with psql as the runner itself does: for what no
 * user can do through the API, such as letting time pass.
 */
export function e2eSql(statement: string, ...params: string[]): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e API's database (the runner sets it)");
  const vars = params.flatMap((p, i) => ["-v", `p${i + 1}=${p}`]);
  return execFileSync("psql", [url, "-qtAX", "-v", "ON_ERROR_STOP=1", ...vars], { input: statement })
    .toString()
    .trim();
}

/** Where the portal under test runs; the runner starts it (and an API seeded with the demo). */
export function portalUrl(): string {
  const url = process.env.PORTAL_URL;
  if (!url) throw new Error("Set PORTAL_URL to the running portal, e.g. PORTAL_URL=http://localhost:3100");
  return url.replace(/\/+$/, "");
}

export const DEMO_PASSWORD = "trygg-demo-2026";

export const DEMO = {
  karin: { email: "karin@vastkustfast.demo", name: "Karin Fastighetschef", organisation: "Västkustens Fastigheter AB" },
  britt: { email: "britt@brfkastanjen.demo", name: "Britt Kassör", organisation: "Brf Kastanjen" },
  admin: { email: "admin@aptus.demo", name: "Anna Admin", organisation: "Aptus Elektronik AB" },
  petra: { email: "petra@nordsak.demo", name: "Petra Partner", organisation: "Nordsäk Säkerhet AB" },
  sara: { email: "sara.saljare@aptus.demo", name: "Sara Säljare", organisation: "Aptus Elektronik AB" },
  tomas: { email: "tomas.tekniker@aptus.demo", name: "Tomas Tekniker", organisation: "Aptus Elektronik AB" },
} as const;

const ARTIFACTS = fileURLToPath(new URL("../../.test-artifacts/", import.meta.url));

/**
 * Debian's Chromium headless shell, which `npm test` installs: no browser can be downloaded here, and the full
 * browser's headless mode costs twice the CPU (decision 0137). `CHROMIUM_PATH` names another.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser profile (no cookies) for one journey. */
export async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: "sv-SE", baseURL: portalUrl() });
  const page = await context.newPage();
  return { context, page };
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/**
 * Follows a page's link in the main menu as a user would: on a phone the menu opens first, and a page in
 * one of the menu's groups ("Support", "Administration") needs its group opened (decision 0097).
 */
export async function openFromMenu(page: Page, name: string): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  // Until the page has hydrated every link stands in the row: wait for the buttons, so the menu holds still.
  await page.locator("nav.mainnav[data-collapsible]").waitFor();
  const toggle = nav.getByRole("button", { name: "Meny" });
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  const link = nav.getByRole("link", { name, exact: true });
  if (!(await link.isVisible())) {
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    await nav
      .locator(".mainnav-group")
      .filter({ has: page.locator("a", { hasText: exact }) })
      .locator(".mainnav-group-toggle")
      .click();
  }
  await link.click();
}

/** The main menu as its user sees it: each page of the row, each group as "Group: page, page". */
export async function menuEntries(page: Page): Promise<string[]> {
  await page.locator("nav.mainnav[data-collapsible]").waitFor();
  return page.locator("nav.mainnav .mainnav-inner > li").evaluateAll((items) =>
    items.map((li) => {
      const toggle = li.querySelector(".mainnav-group-toggle");
      const label = toggle?.firstChild?.textContent?.trim();
      const links = [...li.querySelectorAll("a")].map((a) => a.textContent?.trim() ?? "");
      return label ? `${label}: ${links.join(", ")}` : links.join(", ");
    }),
  );
}

/** Logs in through the form (Swedish) and waits for the dashboard. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("heading", { name: /^(Välkommen|Welcome), / }).waitFor();
}

/** The API itself, as one demo user: the yardstick the portal's words are checked against. */
export async function apiAs(email: string) {
  const url = process.env.API_URL;
  if (!url) throw new Error("Set API_URL to the running API's /graphql");
  const call = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "apollo-require-preflight": "true",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { login } = await call<{ login: { token: string } }>(
    "mutation($i: LoginInput!) { login(input: $i) { token } }",
    { i: { email, password: DEMO_PASSWORD } },
  );
  return <T>(query: string, variables: Record<string, unknown> = {}) => call<T>(query, variables, login.token);
}

/** The ids of the properties one caller sees, by name: what a journey needs to open a property's page. */
export async function propertyIds(call: Awaited<ReturnType<typeof apiAs>>): Promise<Record<string, string>> {
  type Props = { properties: { edges: { node: { id: string; name: string } }[] } };
  const { properties } = await call<Props>(`{ properties(first: 100) { edges { node { id name } } } }`);
  return Object.fromEntries(properties.edges.map((e) => [e.node.name, e.node.id]));
}

/**
 * Saves a full-page screenshot to .test-artifacts/ (git-ignored) for a human to look at, when asked for with
 * `npm test -- --screenshots` (E2E_SCREENSHOTS=1). Nothing reads them in a run, and the four hundred of a whole run
 * cost Chromium and the test process a seventh of the layout walk's CPU (decision 0132).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** A calendar day `days` from today in Sweden, as YYYY-MM-DD: the portal's "today", not UTC's. */
export function swedishDay(days = 0): string {
  const today = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * One page on a tablet (768 × 1024), logged in as `email` for the whole describe block it is called
 * in (its own browser, closed after the block). Tests take the page with the returned function.
 */
export function onTabletAs(email: string): () => Page {
  let browser: Browser | undefined;
  let session: { context: BrowserContext; page: Page } | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await newPage(browser, { width: 768, height: 1024 });
    await logIn(session.page, email);
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });
  return () => {
    if (!session) throw new Error("onTabletAs: the page is made in beforeAll; take it inside a test");
    return session.page;
  };
}

/**
 * What a phone user cannot read without scrolling sideways: the page itself wider than the screen, or a box
 * on it (a list's table) that scrolls sideways inside the page.
 */
export async function sidewaysOn(page: Page): Promise<string[]> {
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

/** The whole page fits its width: nothing makes a phone scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `the page at ${client} px is ${scroll} px wide`).toBeLessThanOrEqual(client);
}

/** The two widths the portal is made for (issue 22: every step at both), with a screen height for each. */
export const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * The page as it stands, at 1280 and at 390 px: resized in place (no second log-in, nothing sent again), checked for
 * sideways scrolling and photographed as `<name>-<width>`; then back at the width the step was taken at.
 */
export async function atBothWidths(page: Page, name: string): Promise<void> {
  const taken = page.viewportSize();
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page);
    await screenshot(page, `${name}-${size.width}`);
  }
  if (taken) await page.setViewportSize(taken);
}

/**
 * A Luhn-valid Swedish organisation number that no other run or the demo uses: random digits after a
 * third digit of 2 or more, since a lower one reads as a person's birth month and is often refused.
 */
export function freshOrganisationNumber(): string {
  const nine = `55${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  const sum = [...nine].reduce((acc, digit, i) => {
    const v = Number(digit) * (i % 2 === 0 ? 2 : 1);
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}
