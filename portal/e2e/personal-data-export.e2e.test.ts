import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO,
  DEMO_PASSWORD,
  apiAs,
  expectNoSidewaysScroll,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
} from "./support";

const PHONE = { width: 390, height: 844 };
const run = Date.now().toString(36);

type Exported = { user: { id: string; email: string; name: string; organisation: { name: string } } };

describe("an admin downloads a user's personal data from the users page (decision 0086)", () => {
  let browser: Browser;
  let colleague: { id: string; email: string; organisationId: string };
  beforeAll(async () => {
    browser = await launchBrowser();
    const karin = await apiAs(DEMO.karin.email);
    const { viewer } = await karin<{ viewer: { organisation: { id: string } } }>("{ viewer { organisation { id } } }");
    const email = `utdrag${run}@vastkustfast.demo`;
    const { createUser } = await karin<{ createUser: { user: { id: string } } }>(
      "mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }",
      {
        i: {
          organisationId: viewer.organisation.id,
          name: "Ulla Utdrag",
          email,
          role: "CUSTOMER_MEMBER",
          password: DEMO_PASSWORD,
        },
      },
    );
    colleague = { id: createUser.user.id, email, organisationId: viewer.organisation.id };
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [who, viewport] of [
    [DEMO.karin, { width: 1280, height: 860 }],
    [DEMO.admin, PHONE],
  ] as const) {
    it(`${who.name} downloads a colleague's data as JSON at ${viewport.width} px`, async () => {
      const { context, page } = await newPage(browser, viewport);
      try {
        await logIn(page, who.email);
        await page.goto(
          who === DEMO.admin
            ? `/admin/users?organisation=${encodeURIComponent(colleague.organisationId)}`
            : "/admin/users",
        );
        await expectNoSidewaysScroll(page);
        const row = page.locator(`tr[data-user="${colleague.email}"]`);
        const link = row.getByRole("link", { name: "Ladda ner personuppgifter för Ulla Utdrag" });
        await link.waitFor();
        await screenshot(page, `personal-data-users-${viewport.width}`);
        const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
        expect(download.suggestedFilename()).toMatch(/^trygg-personuppgifter-\d{4}-\d{2}-\d{2}\.json$/);
        const data = JSON.parse(await readFile((await download.path())!, "utf8")) as Exported;
        expect(data.user).toMatchObject({
          id: colleague.id,
          email: colleague.email,
          name: "Ulla Utdrag",
          organisation: { name: DEMO.karin.organisation },
        });
      } finally {
        await context.close();
      }
    });
  }

  it("an admin of another organisation sees no such link and is refused the download", async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await logIn(page, DEMO.britt.email);
      await page.goto("/admin/users");
      await page.getByTestId("users").waitFor();
      expect(await page.locator(`tr[data-user="${colleague.email}"]`).count()).toBe(0);
      // Her own colleagues she may export, so the refusal is about the organisation, not the role.
      expect(await page.getByRole("link", { name: /^Ladda ner personuppgifter för / }).count()).toBeGreaterThan(0);
      const refused = await page.request.get(`/account/personal-data?user=${encodeURIComponent(colleague.id)}`);
      expect(refused.status()).toBe(404);
      expect(await refused.text()).not.toContain(colleague.email);
    } finally {
      await context.close();
    }
  });
});
