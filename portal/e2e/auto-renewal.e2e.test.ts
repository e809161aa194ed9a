import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "./mailbox";
import { CUSTOMER_ADMIN, SELLER, freshMajvikAgreement } from "./majvik";
import { launchBrowser, logIn, newPage, screenshot, expectNoSidewaysScroll } from "./support";

/** A fresh agreement of Maja's company ending in 200 days, renewing on its own with three months' notice. */
async function renewingAgreement(): Promise<{ id: string; number: string }> {
  const { agreement, seller, maja } = await freshMajvikAgreement(200);
  const agreementId = agreement.id;
  await seller(`mutation($i: SetAutoRenewalInput!) { setAutoRenewal(input: $i) { userErrors { code } } }`, {
    i: { agreementId, noticeMonths: 3 },
  });
  await maja(`mutation($i: RefuseAutoRenewalInput!) { refuseAutoRenewal(input: $i) { userErrors { code } } }`, {
    i: { agreementId, reason: "Vi ser över avtalet" },
  });
  return agreement;
}

describe("a no to automatic renewal taken back (decision 0091)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px: Maja takes back her no, the agreement renews on its own again and Sara is told`, async () => {
      const agreement = await renewingAgreement();
      const { page } = await newPage(browser, { width, height: width > 500 ? 860 : 844 });
      await logIn(page, CUSTOMER_ADMIN);
      await page.goto(`/agreements/${encodeURIComponent(agreement.id)}`);
      const section = page.locator("#auto-renewal");
      await section.getByTestId("auto-renewal-refused").waitFor();
      const button = section.getByRole("button", { name: "Ta tillbaka uppsägningen" });
      await button.waitFor();
      await screenshot(page, `auto-renewal-withdraw-${width}`);
      await button.click();
      await section.getByText("Uppsägningen är tillbakatagen: avtalet förnyas automatiskt igen.").waitFor();
      await section.getByTestId("auto-renewal-state").waitFor();
      expect(await section.getByTestId("auto-renewal-refused").count()).toBe(0);
      expect(await section.getByRole("button", { name: "Ta tillbaka uppsägningen" }).count()).toBe(0);
      await awaitMail(SELLER, new RegExp(`har tagit tillbaka uppsägningen av avtal ${agreement.number}`));
      await expectNoSidewaysScroll(page);
    });
  }
});

describe("automatic renewal set and refused in the portal (decision 0091)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px: Sara sets three months' notice on the agreement's page, Maja says no on hers`, async () => {
      const { agreement, seller } = await freshMajvikAgreement(200);
      const viewport = { width, height: width > 500 ? 860 : 844 };
      const path = `/agreements/${encodeURIComponent(agreement.id)}`;
      type Auto = { agreement: { autoRenewal: { noticeMonths: number; refusedAt: string | null } | null } };
      const autoRenewal = async () =>
        (
          await seller<Auto>(`query($id: ID!) { agreement(id: $id) { autoRenewal { noticeMonths refusedAt } } }`, {
            id: agreement.id,
          })
        ).agreement.autoRenewal;

      const sara = await newPage(browser, viewport);
      try {
        await logIn(sara.page, SELLER);
        await sara.page.goto(path);
        const section = sara.page.locator("#auto-renewal");
        await section.getByText("Avtalet förnyas inte automatiskt.").waitFor();
        await section.getByLabel("Uppsägningstid").selectOption("3");
        await section.getByRole("button", { name: "Spara" }).click();
        await section.getByText("Den automatiska förnyelsen är sparad.").waitFor();
        await section.getByTestId("auto-renewal-state").filter({ hasText: "uppsägningstid 3 månader" }).waitFor();
        await expectNoSidewaysScroll(sara.page);
        await screenshot(sara.page, `auto-renewal-set-${width}`);
      } finally {
        await sara.context.close();
      }
      expect(await autoRenewal()).toEqual({ noticeMonths: 3, refusedAt: null });

      const maja = await newPage(browser, viewport);
      try {
        await logIn(maja.page, CUSTOMER_ADMIN);
        await maja.page.goto(path);
        const section = maja.page.locator("#auto-renewal");
        await section.getByTestId("auto-renewal-state").waitFor();
        // The customer admin may say no, not set the notice period.
        expect(await section.getByLabel("Uppsägningstid").count()).toBe(0);
        await section.getByLabel("Varför säger du upp avtalet? (frivilligt)").fill("Styrelsen jämför offerter");
        maja.page.once("dialog", (dialog) => {
          expect(dialog.message()).toBe(`Säga upp avtal ${agreement.number}? Det förnyas då inte automatiskt.`);
          void dialog.accept();
        });
        await section.getByRole("button", { name: "Säg upp avtalet" }).click();
        await section.getByText("Avtalet är uppsagt och förnyas inte automatiskt.").waitFor();
        const refused = section.getByTestId("auto-renewal-refused");
        await refused.filter({ hasText: "Skäl: Styrelsen jämför offerter" }).waitFor();
        expect(await section.getByTestId("auto-renewal-state").count()).toBe(0);
        await section.getByRole("button", { name: "Ta tillbaka uppsägningen" }).waitFor();
        await expectNoSidewaysScroll(maja.page);
        await screenshot(maja.page, `auto-renewal-refused-${width}`);
      } finally {
        await maja.context.close();
      }
      expect(await autoRenewal()).toMatchObject({ noticeMonths: 3, refusedAt: expect.any(String) });
    });
  }
});
