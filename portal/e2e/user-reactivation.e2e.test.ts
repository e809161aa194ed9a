import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { awaitMail } from "./mailbox";
import { apiAs, launchBrowser, logIn, newPage, screenshot } from "./support";

// Kalle is deactivated and brought back within the journey, so the demo ends as it began.
const ADMIN = "karin@vastkustfast.demo";
const MEMBER = "kalle@vastkustfast.demo";

describe("Återaktivera: a customer admin brings a deactivated colleague back", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px: the deactivated colleague's row has the button, and they are mailed`, async () => {
      const karin = await apiAs(ADMIN);
      type Users = { users: { edges: { node: { id: string; email: string } }[] } };
      const { users } = await karin<Users>(`{ users(first: 100) { edges { node { id email } } } }`);
      const kalle = users.edges.find((e) => e.node.email === MEMBER)!.node.id;
      await karin(`mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { userErrors { code } } }`, {
        i: { userId: kalle },
      });
      const since = new Date();
      const { page, context } = await newPage(browser, { width, height: width > 500 ? 860 : 844 });
      try {
        await logIn(page, ADMIN);
        await page.goto("/admin/users");
        const row = page.locator(`tr[data-user="${MEMBER}"]`);
        await row.getByText("Avstängd").waitFor();
        page.once("dialog", (d) => void d.accept());
        await screenshot(page, `user-reactivation-${width}`);
        await row.getByRole("button", { name: "Återaktivera" }).click();
        await page.getByText("Kalle Förvaltare är återaktiverad.").waitFor();
        await row.getByRole("button", { name: "Stäng av" }).waitFor();
      } finally {
        await context.close();
      }
      await awaitMail(MEMBER, /har aktiverat ditt konto hos Västkustens Fastigheter AB/, 20_000, since);
    });
  }
});
