import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "./mailbox";
import { CUSTOMER_ADMIN, SELLER, freshMajvikAgreement } from "./majvik";
import { apiAs, launchBrowser, logIn, newPage, screenshot, swedishDay } from "./support";

/** A fresh active agreement of Maja's company ending in 80 days, with a booking rental and a Hantera rental. */
async function freshAgreement(): Promise<{ id: string; number: string }> {
  const { agreement, maja } = await freshMajvikAgreement(80);
  for (const [kind, quantity] of [
    ["BOOKING", 3],
    ["HANTERA", 2],
  ] as const)
    await maja(`mutation($i: RentLicenceInput!) { rentLicence(input: $i) { userErrors { code } } }`, {
      i: { agreementId: agreement.id, kind, quantity, startsOn: swedishDay(), endsOn: swedishDay(80) },
    });
  return agreement;
}

async function priceOn(item: string, day: string): Promise<number> {
  const maja = await apiAs(CUSTOMER_ADMIN);
  type Prices = { priceList: { item: string; monthlyPrice: { amountMinor: number } }[] };
  const { priceList } = await maja<Prices>(
    `query($on: Date) { priceList(on: $on) { item monthlyPrice { amountMinor } } }`,
    {
      on: day,
    },
  );
  return priceList.find((p) => p.item === item)!.monthlyPrice.amountMinor;
}

describe("renewal asked for by the customer and confirmed by the seller", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px: Maja chooses what to carry, Sara sees the quote at list price on her dashboard and confirms it`, async () => {
      const agreement = await freshAgreement();
      const viewport = { width, height: width > 500 ? 860 : 844 };
      const customer = await newPage(browser, viewport);
      try {
        await logIn(customer.page, CUSTOMER_ADMIN);
        await customer.page.goto(`/agreements/${encodeURIComponent(agreement.id)}`);
        const section = customer.page.locator("#renewal-request");
        await section.getByRole("heading", { name: "Förnya avtalet" }).waitFor();
        // Hantera is not carried: only the booking licences follow into the new period.
        await section.getByLabel(/^Hantera: 2 licenser/).uncheck();
        await screenshot(customer.page, `renewal-request-${width}`);
        await section.getByRole("button", { name: "Förnya avtalet" }).click();
        await section.getByText("Förnyelsen är begärd. Säljaren får offerten.").waitFor();
        const quote = section.getByTestId("renewal-quote");
        await quote.getByText("Säljaren bekräftar offerten").waitFor();
        // 3 booking licences and the 500+ base fee (its own line) at the list of the new period's first day, a year.
        const monthly =
          3 * (await priceOn("BOOKING", swedishDay(81))) + (await priceOn("AGREEMENT_PLUS_500", swedishDay(81)));
        const yearly = (12 * monthly) / 100;
        await quote.getByTestId("renewal-quote-base-fee").getByText("Supportavtal 500+, grundavgift").waitFor();
        const total = (await quote.getByTestId("renewal-quote-total").textContent()) ?? "";
        expect(Number(total.replace(/\D/g, ""))).toBe(yearly);
        expect(await quote.getByRole("cell", { name: /Hantera/ }).count()).toBe(0);
        expect(await section.getByRole("button", { name: "Förnya avtalet" }).count()).toBe(0);
      } finally {
        await customer.context.close();
      }

      await awaitMail(SELLER, new RegExp(`vill förnya avtal ${agreement.number}`));

      const seller = await newPage(browser, viewport);
      try {
        await logIn(seller.page, SELLER);
        const panel = seller.page.locator('[data-panel="renewals-to-decide"]');
        await panel.getByRole("link", { name: agreement.number }).click();
        const quote = seller.page.getByTestId("renewal-quote");
        await quote.getByRole("button", { name: "Bekräfta förnyelsen" }).waitFor();
        await screenshot(seller.page, `renewal-confirm-${width}`);
        await quote.getByRole("button", { name: "Bekräfta förnyelsen" }).click();
        await seller.page.getByText("Förnyelsen är bekräftad och avtalet förnyat.").waitFor();
        await expect.poll(() => seller.page.getByTestId("periods").locator("li").count()).toBe(2);
        await screenshot(seller.page, `renewal-confirmed-${width}`);
      } finally {
        await seller.context.close();
      }
      await awaitMail(CUSTOMER_ADMIN, new RegExp(`Avtal ${agreement.number} är förnyat enligt offerten`));
    });
  }
});
