import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "./mailbox";
import { apiAs, atBothWidths, launchBrowser, logIn, newPage, swedishDay, WIDTHS } from "./support";

/** Hisingens Bostäder's 500+ agreement still running: the demo's customer with support visits. */
async function runningAgreement(): Promise<{ id: string; number: string }> {
  const call = await apiAs("hanna@hisingen.demo");
  type Agreements = { agreements: { edges: { node: { id: string; number: string; status: string } }[] } };
  const { agreements } = await call<Agreements>(`{ agreements(first: 50) { edges { node { id number status } } } }`);
  return agreements.edges.map((e) => e.node).find((a) => a.status === "ACTIVE" || a.status === "EXPIRING")!;
}

describe("a visit booked by proposed times and accepted from the mail", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("support proposes times and the customer's admin books one from the mail's link, each step at 1280 and 390 px", async () => {
    const agreement = await runningAgreement();
    const [desk, phoneSize] = WIDTHS;
    const staff = await newPage(browser, desk);
    await logIn(staff.page, "tomas.tekniker@aptus.demo");
    await staff.page.goto(`/agreements/${encodeURIComponent(agreement.id)}`);
    await staff.page.getByTestId("propose-visit-times").waitFor();
    await atBothWidths(staff.page, "visit-times-agreement");
    await staff.page.getByTestId("propose-visit-times").click();
    await staff.page.getByRole("heading", { name: "Föreslå tider för supportbesök", level: 1 }).waitFor();
    await atBothWidths(staff.page, "visit-times-propose");
    // The times are proposed on a phone this time; the answer is read at both widths.
    await staff.page.setViewportSize(phoneSize);
    const [first, second] = [swedishDay(9), swedishDay(10)];
    await staff.page.getByLabel("Tid 1").fill(`${first}T09:00`);
    await staff.page.getByLabel("Tid 2").fill(`${second}T13:30`);
    await staff.page
      .getByLabel("Meddelande till kunden (valfritt)")
      .fill("Teknikern behöver tillgång till serverrummet.");
    await staff.page.getByRole("button", { name: "Skicka förslaget" }).click();
    await staff.page.getByTestId("proposal-sent").waitFor();
    expect(await staff.page.getByTestId("open-proposals").textContent()).toContain("09:00");
    await atBothWidths(staff.page, "visit-times-proposed");
    await staff.context.close();

    // The customer's admin opens the link from the mail, without logging in: read at both widths, booked on a phone.
    const [, link] = await awaitMail("hanna@hisingen.demo", /(https?:\/\/\S+\/visit-times\/\S+)/);
    const phone = await newPage(browser, phoneSize);
    await phone.page.goto(link!);
    await phone.page.getByRole("heading", { name: "Välj tid för supportbesöket" }).waitFor();
    await atBothWidths(phone.page, "visit-times-answer");
    await phone.page.getByLabel(/13:30/).check();
    await phone.page.getByRole("button", { name: "Boka vald tid" }).click();
    await phone.page.getByTestId("visit-booked").waitFor();
    expect(await phone.page.getByTestId("visit-booked").textContent()).toContain("13:30");
    await atBothWidths(phone.page, "visit-times-booked");

    // The booking reaches the calendar: a mail with the invitation; the link is spent, said at both widths.
    await awaitMail("hanna@hisingen.demo", new RegExp(`bokat ${second} kl\\. 13:30`));
    await phone.page.goto(link!);
    await phone.page.getByRole("alert").waitFor();
    expect(await phone.page.getByRole("alert").textContent()).toContain("redan besvarade");
    await atBothWidths(phone.page, "visit-times-spent");
    await phone.context.close();
  });
});
