import { request, type APIRequestContext, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO,
  DEMO_PASSWORD,
  launchBrowser,
  logIn,
  newPage,
  pathOf,
  portalUrl,
  screenshot,
  expectNoSidewaysScroll,
} from "./support";

/** A client without a browser that keeps no cookies of its own: it sends exactly the cookie it is given. */
async function withCookie(cookie: string, extraHTTPHeaders: Record<string, string> = {}): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: portalUrl(),
    maxRedirects: 0,
    extraHTTPHeaders: { Cookie: cookie, ...extraHTTPHeaders },
  });
}

/** Logs in over HTTP and returns the session cookie as a browser would send it back. */
async function sessionCookie(email: string): Promise<string> {
  const api = await request.newContext({ baseURL: portalUrl(), maxRedirects: 0 });
  try {
    const login = await api.post("/login", { form: { email, password: DEMO_PASSWORD, redirectTo: "/" } });
    expect(login.status()).toBe(302);
    const match = /trygg_session=[^;]*/.exec(login.headers()["set-cookie"] ?? "");
    if (!match) throw new Error("no session cookie after log-in");
    return match[0];
  } finally {
    await api.dispose();
  }
}

/** Whether the dashboard answers to this cookie: 200 logged in, or a redirect to /login. */
async function dashboardWith(cookie: string): Promise<{ status: number; location: string | undefined }> {
  const api = await withCookie(cookie);
  try {
    const response = await api.get("/");
    return { status: response.status(), location: response.headers().location };
  } finally {
    await api.dispose();
  }
}

describe("log-out", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is not done by a GET: /logout only asks, so an image tag on any page logs nobody out", async () => {
    const cookie = await sessionCookie(DEMO.britt.email);
    const api = await withCookie(cookie, { "Sec-Fetch-Dest": "image" });
    try {
      const asked = await api.get("/logout");
      expect(asked.status()).toBe(200);
      expect(asked.headers()["set-cookie"]).toBeUndefined();
      const html = await asked.text();
      expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/logout/);
      expect(html).toContain("Vill du logga ut från Trygg?");
    } finally {
      await api.dispose();
    }
    expect(await dashboardWith(cookie)).toEqual({ status: 200, location: undefined });
  });

  it("refuses a log-out posted from another site, and the session goes on", async () => {
    const cookie = await sessionCookie(DEMO.britt.email);
    const api = await withCookie(cookie, { Origin: "https://evil.example" });
    try {
      const response = await api.post("/logout");
      expect(response.status()).toBe(403);
      expect(response.headers()["set-cookie"]).toBeUndefined();
    } finally {
      await api.dispose();
    }
    expect(await dashboardWith(cookie)).toEqual({ status: 200, location: undefined });
  });

  it("ends the session in the API: the old cookie, replayed, gets /login and a cookie without the session", async () => {
    const cookie = await sessionCookie(DEMO.britt.email);
    const api = await withCookie(cookie, { Origin: portalUrl() });
    try {
      const response = await api.post("/logout");
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe("/login");
    } finally {
      await api.dispose();
    }
    const replay = await withCookie(cookie);
    try {
      for (const path of ["/", "/agreements", "/support"]) {
        const response = await replay.get(path);
        expect(response.status(), path).toBe(302);
        expect(response.headers().location, path).toMatch(/^\/login(\?|$)/);
        // The answer forgets the session: what it sets no longer opens a logged-in page.
        const forgotten = /trygg_session=[^;]*/.exec(response.headers()["set-cookie"] ?? "")?.[0];
        expect(forgotten, path).toBeDefined();
        expect(await dashboardWith(forgotten!), path).toMatchObject({ status: 302 });
      }
    } finally {
      await replay.dispose();
    }
  });

  it("asks on a page of its own at phone width, and its button logs out", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, DEMO.karin.email);
      const [cookie] = (await context.cookies()).filter((c) => c.name === "trygg_session");
      await page.goto("/logout");
      await page.getByRole("heading", { level: 1, name: "Logga ut" }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, "logout-confirm-mobile");
      // Changing one's mind goes back to the portal, still logged in.
      await page.getByRole("link", { name: "Avbryt" }).click();
      await page.getByRole("heading", { name: `Välkommen, ${DEMO.karin.name}` }).waitFor();

      await page.goto("/logout");
      await page.getByRole("main").getByRole("button", { name: "Logga ut" }).click();
      await page.waitForURL((url) => url.pathname === "/login");
      expect(await dashboardWith(`trygg_session=${cookie!.value}`)).toMatchObject({ status: 302 });
      // Logged out, /logout has nothing to ask.
      await page.goto("/logout");
      expect(pathOf(page)).toBe("/login");
    } finally {
      await context.close();
    }
  });
});
