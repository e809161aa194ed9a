import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, launchBrowser, logIn, newPage, propertyIds, screenshot, expectNoSidewaysScroll } from "./support";

/**
 * "Ändra" on a property's page, on a phone: the customer's admin corrects the address and the number of
 * apartments, and a second tab still showing the old version is refused with a reload instead of overwriting.
 */
const HANNA = "hanna@hisingen.demo";
const PROPERTY = "Kv. Stigberget 2";
let browser: Browser;
let hanna: Awaited<ReturnType<typeof apiAs>>;
let propertyId: string;

type Read = { property: { version: number; streetAddress: string; apartments: number } };
const read = async () =>
  (await hanna<Read>("query($id: ID!) { property(id: $id) { version streetAddress apartments } }", { id: propertyId }))
    .property;

beforeAll(async () => {
  browser = await launchBrowser();
  hanna = await apiAs(HANNA);
  propertyId = (await propertyIds(hanna))[PROPERTY]!;
});
afterAll(async () => {
  // Other journeys read the demo property as seeded.
  const now = await read();
  await hanna("mutation($i: UpdatePropertyInput!) { updateProperty(input: $i) { userErrors { code } } }", {
    i: { propertyId, expectedVersion: now.version, streetAddress: "Stigbergsliden 9", apartments: 410 },
  });
  await browser?.close();
});

describe("correcting a property at 390 px", () => {
  it("saves the customer admin's correction and refuses a stale tab with a reload", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    const stale = await context.newPage();
    try {
      await logIn(page, HANNA);
      const url = `/properties/${encodeURIComponent(propertyId)}`;
      await page.goto(url);
      await stale.goto(url);
      await page.getByRole("heading", { level: 1, name: PROPERTY }).waitFor();
      // "Ändra" shows it opens (its disclosure triangle), on a card of its own apart from the facts above it.
      const summary = page.getByText("Ändra", { exact: true });
      expect(await summary.evaluate((el) => getComputedStyle(el).display)).toBe("list-item");
      const gap = await summary.evaluate((el) => {
        const card = el.parentElement!;
        const above = card.previousElementSibling!;
        return card.getBoundingClientRect().top - above.getBoundingClientRect().bottom;
      });
      expect(gap).toBeGreaterThanOrEqual(8);
      await summary.click();
      const form = page.getByRole("form", { name: "Ändra fastighetens uppgifter" });
      await form.getByLabel("Gatuadress").fill("Stigbergsliden 11");
      await form.getByLabel("Antal lägenheter").fill("412");
      await screenshot(page, "property-correct-390");
      await expectNoSidewaysScroll(page);
      await form.getByRole("button", { name: "Spara ändringarna" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Uppgifterna för ${PROPERTY} är sparade.` })
        .waitFor();
      expect(await read()).toMatchObject({ streetAddress: "Stigbergsliden 11", apartments: 412 });
      await page.locator(".page-heading").getByText("Stigbergsliden 11").waitFor();

      await stale.getByText("Ändra", { exact: true }).click();
      const staleForm = stale.getByRole("form", { name: "Ändra fastighetens uppgifter" });
      await staleForm.getByLabel("Ort").fill("Mölndal");
      await staleForm.getByRole("button", { name: "Spara ändringarna" }).click();
      await stale
        .getByRole("alert")
        .filter({ hasText: "Någon annan ändrade fastigheten under tiden" })
        .first()
        .waitFor();
      await stale.getByRole("link", { name: "Ladda om" }).waitFor();
      expect(await read()).toMatchObject({ streetAddress: "Stigbergsliden 11", apartments: 412 });
    } finally {
      await context.close();
    }
  });

  it("offers no correction to the installing partner, who registers no properties", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, "lars@lasteknikvast.demo");
      await page.goto(`/properties/${encodeURIComponent(propertyId)}`);
      await page.getByRole("heading", { level: 1, name: PROPERTY }).waitFor();
      expect(await page.getByText("Ändra", { exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

/** Hanna's own organisation page, its "Ändra" form open. */
async function correctingHisingens(page: Page) {
  type Orgs = { organisations: { edges: { node: { id: string } }[] } };
  const { organisations } = await hanna<Orgs>(
    '{ organisations(first: 1, filter: { search: "Hisingens" }) { edges { node { id } } } }',
  );
  await logIn(page, HANNA);
  await page.goto(`/organisations/${encodeURIComponent(organisations.edges[0]!.node.id)}`);
  await page.getByRole("heading", { level: 1, name: "Hisingens Bostäder AB" }).waitFor();
  await page.getByText("Ändra", { exact: true }).click();
  return page.getByRole("form", { name: "Ändra organisationens uppgifter" });
}

describe("correcting an organisation at 390 px", () => {
  it("refuses an organisation number with a wrong check digit in Swedish, beside the field", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      const form = await correctingHisingens(page);
      await form.getByLabel("Organisationsnummer").fill("556789-0124");
      await form.getByRole("button", { name: "Spara ändringarna" }).click();
      await form.getByText("Det är inte ett giltigt organisationsnummer", { exact: false }).waitFor();
      expect(await page.locator(".facts").textContent()).toContain("556789-0123");
    } finally {
      await context.close();
    }
  });

  it("keeps a contact apart from the users: a number that cannot be dialled is refused, then saved and shown", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      const form = await correctingHisingens(page);
      await form.getByLabel("Kontakt (person eller funktion)").fill("Förvaltningen");
      await form.getByLabel("Kontaktens e-postadress").fill("forvaltning@hisingensbostader.demo");
      await form.getByLabel("Kontaktens telefonnummer").fill("ring växeln");
      await form.getByRole("button", { name: "Spara ändringarna" }).click();
      await form.getByText("Ange ett telefonnummer med 5–15 siffror", { exact: false }).waitFor();
      expect(await page.getByTestId("organisation-contact").count()).toBe(0);

      await form.getByLabel("Kontaktens telefonnummer").fill("031-12 34 56");
      await form.getByRole("button", { name: "Spara ändringarna" }).click();
      await page.getByTestId("organisation-contact").waitFor();
      expect(await page.getByTestId("organisation-contact").textContent()).toBe(
        "Förvaltningen · forvaltning@hisingensbostader.demo · 031-12 34 56",
      );
      await expectNoSidewaysScroll(page);
      await screenshot(page, "organisation-contact-390");

      // Emptied, the contact is gone again, as the demo had it.
      await page.getByText("Ändra", { exact: true }).click();
      for (const label of ["Kontakt (person eller funktion)", "Kontaktens e-postadress", "Kontaktens telefonnummer"])
        await form.getByLabel(label).fill("");
      await form.getByRole("button", { name: "Spara ändringarna" }).click();
      await page.getByTestId("organisation-contact").waitFor({ state: "detached" });
    } finally {
      await context.close();
    }
  });
});
