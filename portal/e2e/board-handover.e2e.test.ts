import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "./mailbox";
import {
  DEMO,
  DEMO_PASSWORD,
  apiAs,
  launchBrowser,
  logIn,
  newPage,
  pathOf,
  screenshot,
  expectNoSidewaysScroll,
} from "./support";

const run = Date.now().toString(36);
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

/** A second admin of Brf Kastanjen (Britt stays), who hands the association over and leaves. */
async function chairOfKastanjen(tag: string): Promise<{ email: string; name: string }> {
  const britt = await apiAs(DEMO.britt.email);
  const { viewer } = await britt<{ viewer: { organisation: { id: string } } }>("{ viewer { organisation { id } } }");
  const email = `ordf-${tag}-${run}@brfkastanjen.demo`;
  const name = `Olle Ordförande ${tag}`;
  const answer = await britt<{ createUser: { userErrors: { code: string }[] } }>(
    "mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code } } }",
    {
      i: { organisationId: viewer.organisation.id, name, email, role: "CUSTOMER_ADMIN", password: DEMO_PASSWORD },
    },
  );
  expect(answer.createUser.userErrors).toEqual([]);
  return { email, name };
}

describe("the BRF board handover", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const)(
    "an admin invites the successor and leaves once they have accepted, from the mailed link (%s)",
    async (tag, viewport) => {
      const chair = await chairOfKastanjen(tag);
      const successor = { email: `ny-ordf-${tag}-${run}@brfkastanjen.demo`, name: `Nora Nyvald ${tag}` };
      const old = await newPage(browser, viewport);
      const fresh = await newPage(browser, viewport);
      try {
        const page = old.page;
        await logIn(page, chair.email);
        await page.goto("/admin/users");
        await page.getByRole("link", { name: /Lämna över till en ny styrelse/ }).click();
        await page.getByRole("heading", { level: 1, name: "Lämna över till en ny styrelse" }).waitFor();
        const board = page.getByTestId("board-members");
        await board.getByText(chair.name).waitFor();
        await expectNoSidewaysScroll(page);

        await page.getByLabel("Den nya administratörens namn").fill(successor.name);
        await page.getByLabel("Den nya administratörens e-postadress").fill(successor.email);
        expect(await page.getByLabel("Stäng av mitt konto när den nya administratören har tackat ja").isChecked()).toBe(
          true,
        );
        await page.getByRole("button", { name: "Skicka inbjudan och lämna över" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `En inbjudan till ${successor.name} är skickad.` })
          .waitFor();
        await page.getByTestId("board-invited").getByText(successor.email).waitFor();
        await expectNoSidewaysScroll(page);
        await screenshot(page, `board-handover-sent-${tag}`);

        // Not yet accepted: the one handing over is still in, as the last admin would be.
        await page.reload();
        await board.getByText(chair.name).waitFor();

        const [link] = await awaitMail(successor.email, /https?:\/\/\S+\/invitation\/tgi_[\w-]+/);
        await fresh.page.goto(new URL(link!).pathname);
        await fresh.page.getByRole("heading", { name: `Välkommen, ${successor.name}!` }).waitFor();
        await fresh.page.getByLabel("Nytt lösenord", { exact: true }).fill("noras-nya-styrelsefras");
        await fresh.page.getByLabel("Upprepa lösenordet").fill("noras-nya-styrelsefras");
        await fresh.page.getByRole("button", { name: "Skapa mitt konto" }).click();
        await fresh.page.waitForURL((url) => url.pathname === "/");

        // The acceptance ended the leaving admin's session at once.
        await page.goto("/board-handover");
        await page.waitForURL((url) => url.pathname === "/login");
        expect(pathOf(page)).toBe("/login");

        // The successor is the admin now and sees the board as it stands.
        await fresh.page.goto("/board-handover");
        const now = fresh.page.getByTestId("board-members");
        await now.getByText(successor.name).waitFor();
        expect(await now.getByText(chair.name).count()).toBe(0);
        await expectNoSidewaysScroll(fresh.page);
        await screenshot(fresh.page, `board-handover-done-${tag}`);
      } finally {
        await old.context.close();
        await fresh.context.close();
      }
    },
  );

  it("the vendor recovers a board only with a reason, worded in Swedish beside the field (390 px)", async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await logIn(page, DEMO.admin.email);
      await page.goto("/board-handover");
      await page.getByLabel("Visa organisation").selectOption({ label: DEMO.britt.organisation });
      await page.getByRole("button", { name: "Visa" }).click();
      await page.getByTestId("board-members").getByText(DEMO.britt.name).waitFor();
      await page.getByLabel("Den nya administratörens namn").fill("Rut Räddare");
      await page.getByLabel("Den nya administratörens e-postadress").fill(`rut-${run}@brfkastanjen.demo`);
      await page.getByLabel("Skäl").fill("för att");
      await page.getByRole("button", { name: "Bjud in ny administratör" }).click();
      await page.getByRole("alert").filter({ hasText: "Skriv varför, med minst 10 tecken." }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, "board-recovery-refused-phone");
      // Nothing was sent: no invitation is open for the address.
      expect(await page.getByTestId("board-invited").getByText(`rut-${run}@brfkastanjen.demo`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
