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
