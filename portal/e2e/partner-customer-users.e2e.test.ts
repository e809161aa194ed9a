import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiAs,
  DEMO,
  expectNoSidewaysScroll,
  freshOrganisationNumber,
  launchBrowser,
  logIn,
  newPage,
  screenshot,
} from "./support";

/**
 * A partner admin keeps the customer it registered (decision 0104): from the customer's page it invites its board,
 * revokes an invitation, changes a role, deactivates a user and corrects the record; a customer it only serves offers
 * none of it.
 */
let browser: Browser;
const run = Date.now();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const succeeded = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text }).waitFor();

/** A customer Petra's Nordsäk registered, with its admin and one board member made by the vendor's admin. */
async function registeredCustomer(width: number): Promise<{ id: string; name: string; member: string; chair: string }> {
  const petra = await apiAs(DEMO.petra.email);
  const name = `Brf Lönnen ${width} ${run}`;
  type Created = { createOrganisation: { organisation: { id: string } } };
  const { createOrganisation } = await petra<Created>(
    "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }",
    { i: { kind: "CUSTOMER", name, organisationNumber: freshOrganisationNumber() } },
  );
  const id = createOrganisation.organisation.id;
  const member = `kassor${width}${run}@lonnen.example`;
  const chair = `sekreterare${width}${run}@lonnen.example`;
  const admin = await apiAs(DEMO.admin.email);
  for (const [email, who, role] of [
    [member, "Kassör Lönn", "CUSTOMER_MEMBER"],
    [chair, "Sekreterare Lönn", "CUSTOMER_ADMIN"],
  ])
    await admin("mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code } } }", {
      i: { organisationId: id, name: who, email, role, password: "ett-långt-lösenord-42" },
    });
  return { id, name, member, chair };
}

describe("a partner admin and the customer it registered", () => {
  for (const width of [1280, 390]) {
    it(`invites, revokes, changes a role, deactivates and corrects the record (${width} px)`, async () => {
      const customer = await registeredCustomer(width);
      const { context, page } = await newPage(browser, { width, height: 900 });
      try {
        await logIn(page, DEMO.petra.email);
        await page.goto(`/organisations/${encodeURIComponent(customer.id)}`);
        await page.getByRole("heading", { level: 1, name: customer.name }).waitFor();
        await page.getByTestId("manage-users").click();
        await page.getByText(`Användarna i ${customer.name}.`, { exact: false }).waitFor();
        // A board handover is of Petra's own organisation: not offered among the customer's users.
        expect(await page.getByRole("link", { name: /ny styrelse/ }).count()).toBe(0);

        const invite = page.locator("form").filter({ has: page.getByRole("button", { name: "Skicka inbjudan" }) });
        const role = invite.getByLabel("Roll");
        await role.locator("option[value='CUSTOMER_ADMIN']").waitFor({ state: "attached" });
        const roles = await role
          .locator("option")
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
        expect(roles).toEqual(["CUSTOMER_ADMIN", "CUSTOMER_MEMBER"]);
        const invited = `ordforande${width}${run}@lonnen.example`;
        await invite.getByLabel("Namn").fill("Ordförande Lönn");
        await invite.getByLabel("E-postadress").fill(invited);
        await role.selectOption("CUSTOMER_ADMIN");
        await invite.getByRole("button", { name: "Skicka inbjudan" }).click();
        await succeeded(page, "En inbjudan till Ordförande Lönn är skickad.");
        const invitation = page.getByTestId("invitations").locator(`li[data-email='${invited}']`);
        await invitation.waitFor();
        await expectNoSidewaysScroll(page);
        await screenshot(page, `partner-customer-users-${width}`);
        page.once("dialog", (dialog) => void dialog.accept());
        await invitation.getByRole("button", { name: "Återkalla" }).click();
        await succeeded(page, "Inbjudan till Ordförande Lönn är återkallad.");

        const row = page.getByTestId("users").locator(`tr[data-user='${customer.member}']`);
        await row.getByLabel("Ny roll", { exact: true }).selectOption("CUSTOMER_ADMIN");
        await row.getByRole("button", { name: "Byt roll" }).click();
        await succeeded(page, "Kassör Lönn har fått en ny roll.");
        // The treasurer is an admin now, so the secretary is not the last one and can be deactivated.
        page.once("dialog", (dialog) => void dialog.accept());
        const secretary = page.getByTestId("users").locator(`tr[data-user='${customer.chair}']`);
        await secretary.getByRole("button", { name: "Stäng av" }).click();
        await succeeded(page, "Sekreterare Lönn är avstängd.");

        await page.goto(`/organisations/${encodeURIComponent(customer.id)}`);
        await page.getByText("Ändra", { exact: true }).click();
        const form = page.getByRole("form", { name: "Ändra organisationens uppgifter" });
        await form.getByLabel("Namn").fill(`${customer.name} Ek`);
        await form.getByRole("button", { name: "Spara ändringarna" }).click();
        await succeeded(page, `Uppgifterna för ${customer.name} Ek är sparade.`);
        await expectNoSidewaysScroll(page);
      } finally {
        await context.close();
      }
    });
  }

  it("offers nothing of it for a customer the partner only installs for", async () => {
    const petra = await apiAs(DEMO.petra.email);
    type Orgs = { organisations: { edges: { node: { id: string } }[] } };
    const { organisations } = await petra<Orgs>(
      '{ organisations(first: 1, filter: { search: "Linnégatan" }) { edges { node { id } } } }',
    );
    const served = organisations.edges[0]!.node.id;
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, DEMO.petra.email);
      await page.goto(`/organisations/${encodeURIComponent(served)}`);
      await page.getByRole("heading", { level: 1, name: "Brf Linnégatan 12" }).waitFor();
      expect(await page.getByTestId("manage-users").count()).toBe(0);
      expect(await page.getByText("Ändra", { exact: true }).count()).toBe(0);
      const response = await page.goto(`/admin/users?organisation=${encodeURIComponent(served)}`);
      expect(response?.status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
