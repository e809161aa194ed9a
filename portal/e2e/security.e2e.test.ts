import { request, type APIRequestContext, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, DEMO_PASSWORD, launchBrowser, logIn, newPage, portalUrl } from "./support";

/** A client without a browser: what an attacker's script or a careless proxy sends. */
async function client(extraHTTPHeaders: Record<string, string> = {}): Promise<APIRequestContext> {
  return request.newContext({ baseURL: portalUrl(), maxRedirects: 0, extraHTTPHeaders });
}

async function loggedIn(email: string): Promise<APIRequestContext> {
  const api = await client();
  const response = await api.post("/login", { form: { email, password: DEMO_PASSWORD, redirectTo: "/" } });
  expect(response.status()).toBe(302);
  return api;
}

async function firstAgreementPath(api: APIRequestContext): Promise<string> {
  const html = await (await api.get("/agreements")).text();
  const id = [...html.matchAll(/href="\/agreements\/([^"/?]+)"/g)]
    .map((m) => m[1])
    .find((found) => found !== "new" && found !== "csv");
  if (!id) throw new Error("no agreement in the list");
  return `/agreements/${id}`;
}

function sessionCookie(setCookie: string | undefined): string {
  const match = /trygg_session=([^;]*)/.exec(setCookie ?? "");
  if (!match?.[1]) throw new Error(`no session cookie in ${setCookie}`);
  return decodeURIComponent(match[1]);
}

describe("the portal refuses what it must not do", () => {
  it("answers 400 to a form intent no page knows, instead of running a default mutation", async () => {
    const api = await loggedIn(DEMO.sara.email);
    try {
      const agreement = await firstAgreementPath(api);
      for (const path of [agreement, `${agreement}/tailoring`, "/api-tokens"]) {
        const response = await api.post(path, { form: { intent: "becomeAdmin" } });
        expect(response.status(), path).toBe(400);
      }
    } finally {
      await api.dispose();
    }
  });

  it("sends a user only to paths of its own after log-in and a language change", async () => {
    const api = await client();
    try {
      for (const redirectTo of [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\\evil.example",
        "//evil.example",
        "https://evil.example/",
      ]) {
        const language = await api.post("/language", { form: { lang: "en", redirectTo } });
        expect(language.status(), JSON.stringify(redirectTo)).toBe(302);
        expect(language.headers().location, JSON.stringify(redirectTo)).toBe("/");
        const login = await api.post("/login", {
          form: { email: DEMO.britt.email, password: DEMO_PASSWORD, redirectTo },
        });
        expect(login.status(), JSON.stringify(redirectTo)).toBe(302);
        expect(login.headers().location, JSON.stringify(redirectTo)).toBe("/");
        await api.post("/logout");
      }
      const language = await api.post("/language", { form: { lang: "sv", redirectTo: "/agreements?status=ACTIVE" } });
      expect(language.headers().location).toBe("/agreements?status=ACTIVE");
    } finally {
      await api.dispose();
    }
  });

  it("answers 403 to a form posted from another site", async () => {
    const api = await client({ Origin: "https://evil.example" });
    try {
      const response = await api.post("/login", {
        form: { email: DEMO.britt.email, password: DEMO_PASSWORD, redirectTo: "/" },
      });
      expect(response.status()).toBe(403);
      expect(response.headers()["set-cookie"]).toBeUndefined();
    } finally {
      await api.dispose();
    }
  });

  it("keeps the API token out of the session cookie, and marks cookies Secure behind HTTPS", async () => {
    const api = await client();
    try {
      const login = await api.post("/login", {
        form: { email: DEMO.britt.email, password: DEMO_PASSWORD, redirectTo: "/" },
      });
      const cookie = sessionCookie(login.headers()["set-cookie"]);
      const [content = ""] = cookie.split(".");
      expect(Buffer.from(content, "base64").toString("utf8")).not.toMatch(/tgs_/);
      expect(cookie).not.toMatch(/tgs_/);
      expect(login.headers()["set-cookie"]).not.toMatch(/;\s*Secure/i);
    } finally {
      await api.dispose();
    }
    const behindTls = await client({ "X-Forwarded-Proto": "https" });
    try {
      const login = await behindTls.post("/login", {
        form: { email: DEMO.britt.email, password: DEMO_PASSWORD, redirectTo: "/" },
      });
      expect(login.headers()["set-cookie"]).toMatch(/;\s*Secure/i);
    } finally {
      await behindTls.dispose();
    }
  });
});

describe("the Content-Security-Policy", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is sent with every page, and the pages still hydrate without a CSP complaint", async () => {
    const { context, page } = await newPage(browser);
    const complaints: string[] = [];
    page.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) complaints.push(message.text());
    });
    try {
      const response = await page.goto("/login");
      const headers = response?.headers() ?? {};
      expect(headers["content-security-policy"]).toMatch(/script-src [^;]*'nonce-/);
      expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
      expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here; HSTS only over HTTPS
      await logIn(page, DEMO.karin.email);
      // Client-side navigation works only once React has hydrated.
      await page
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Avtal", exact: true })
        .click();
      await page.getByRole("heading", { level: 1, name: "Avtal" }).waitFor();
      expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
      expect(complaints).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
