import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiAs,
  freshOrganisationNumber,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
  swedishDay,
  expectNoSidewaysScroll,
} from "./support";

/**
 * Deactivating a customer that leaves (decision 0085), on the vendor admin's organisation page: the preview names
 * the agreement that is terminated today, the confirmation deactivates it, the start page lists it. The customer is
 * made for this journey, so the demo's own organisations stay as other journeys expect them. And Mitt konto's
 * download of one's personal data (decision 0086).
 */
const ADMIN = "admin@aptus.demo";
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiAs>>;
let customerId: string;
let agreementNumber: string;
const name = `Brf Flyttlasset ${Date.now() % 100000}`;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await apiAs(ADMIN);
  type Made = { createOrganisation: { organisation: { id: string } } };
  const made = await admin<Made>(
    "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }",
    { i: { kind: "CUSTOMER", name, organisationNumber: freshOrganisationNumber() } },
  );
  customerId = made.createOrganisation.organisation.id;
  type Prop = { createProperty: { property: { id: string } } };
  const property = await admin<Prop>(
    "mutation($i: CreatePropertyInput!) { createProperty(input: $i) { property { id } } }",
    {
      i: {
        customerId,
        name: "Flyttgatan 1",
        streetAddress: "Flyttgatan 1",
        postalCode: "41301",
        city: "Göteborg",
        apartments: 12,
      },
    },
  );
  type Agr = { createAgreement: { agreement: { id: string; number: string } } };
  const agreement = await admin<Agr>(
    "mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { agreement { id number } } }",
    {
      i: {
        customerId,
        tier: "PLUS_500",
        propertyIds: [property.createProperty.property.id],
        startsOn: swedishDay(-30),
        endsOn: swedishDay(335),
      },
    },
  );
  agreementNumber = agreement.createAgreement.agreement.number;
  await admin("mutation($i: ActivateAgreementInput!) { activateAgreement(input: $i) { userErrors { code } } }", {
    i: { agreementId: agreement.createAgreement.agreement.id },
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("deactivating an organisation", () => {
  it("shows the vendor admin what happens first, then deactivates it and lists it on the start page", async () => {
    const { page } = await newPage(browser, { width: 1280, height: 900 });
    await logIn(page, ADMIN);
    await page.goto(`/organisations/${encodeURIComponent(customerId)}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const section = page.getByTestId("deactivate-organisation");
    await section.getByText("Avaktivera organisationen", { exact: true }).click();
    await section.getByRole("button", { name: "Visa vad som händer" }).click();
    const effect = page.getByTestId("deactivation-effect");
    await effect.waitFor();
    const row = effect.getByRole("row").filter({ hasText: agreementNumber });
    expect(await row.textContent()).toContain("Sägs upp, sista dag");
    await effect.getByText("1 fastighet finns kvar oförändrad, med sin historik.").waitFor();
    // What the deactivation ends is not revived by a later reactivation, and the preview says so (decision 0091).
    await effect
      .getByTestId("deactivation-final")
      .getByText(/uppsagda avtal förblir uppsagda/)
      .waitFor();
    await screenshot(page, "organisation-deactivation-preview-1280");

    const form = page.getByRole("form", { name: "Bekräfta avaktiveringen" });
    await form.getByLabel("Varför").fill("Föreningen har bytt leverantör");
    await form.getByRole("button", { name: `Avaktivera ${name}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${name} är avaktiverad.` })
      .waitFor();
    await page.getByTestId("deactivated-badge").waitFor();
    expect(await page.getByTestId("deactivate-organisation").count()).toBe(0);

    await page.goto("/");
    const panel = page.locator('[data-panel="deactivated-organisations"]');
    await panel.getByRole("link", { name }).waitFor();
    await screenshot(page, "organisation-deactivation-dashboard-1280");
  });

  it("reads well at 390 px", async () => {
    const { page } = await newPage(browser, { width: 390, height: 844 });
    await logIn(page, ADMIN);
    await page.goto(`/organisations/${encodeURIComponent(customerId)}`);
    await page.getByTestId("deactivated-badge").waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, "organisation-deactivated-390");
  });
});

describe("reactivating the organisation (decision 0091)", () => {
  it("lets the vendor admin bring it back with a reason after a confirmation; its agreement stays terminated", async () => {
    const { page } = await newPage(browser, { width: 1280, height: 900 });
    await logIn(page, ADMIN);
    await page.goto(`/organisations/${encodeURIComponent(customerId)}`);
    const section = page.getByTestId("reactivate-organisation");
    await section.getByText("Återaktivera organisationen", { exact: true }).click();
    await section.getByText(/avtalen återupplivas inte/).waitFor();
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await section.getByLabel("Varför").fill("Föreningen kommer tillbaka");
    await screenshot(page, "organisation-reactivation-1280");
    await section.getByRole("button", { name: `Återaktivera ${name}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${name} är återaktiverad.` })
      .waitFor();
    expect(asked).toContain("Avtalen återupplivas inte");
    await page.getByTestId("deactivated-badge").waitFor({ state: "detached" });
    type Agr = { agreements: { edges: { node: { number: string; terminatedOn: string | null } }[] } };
    const list = await admin<Agr>(`{ agreements(first: 100) { edges { node { number terminatedOn } } } }`);
    const it = list.agreements.edges.find((e) => e.node.number === agreementNumber);
    expect(it?.node.terminatedOn).not.toBeNull();
  });
});

describe("downloading one's personal data", () => {
  it("gives the user a JSON file of their own data from Mitt konto", async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    await logIn(page, "karin@vastkustfast.demo");
    await page.goto("/account");
    const link = page.getByRole("link", { name: "Ladda ner mina personuppgifter" });
    await link.waitFor();
    await screenshot(page, "account-personal-data-1280");
    const res = await context.request.get(new URL(String(await link.getAttribute("href")), page.url()).toString());
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="trygg-personuppgifter-/);
    const data = (await res.json()) as { user: { email: string }; sessions: unknown[] };
    expect(data.user.email).toBe("karin@vastkustfast.demo");
    expect(data.sessions.length).toBeGreaterThan(0);
  });
});
