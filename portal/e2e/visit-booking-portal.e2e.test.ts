import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitCalendar } from "./mail-calendar";
import { awaitMail } from "./mailbox";
import { apiAs, atBothWidths, launchBrowser, logIn, newPage, swedishDay, WIDTHS } from "./support";

/** Hisingens Bostäder's 500+ agreement still running: the demo's customer with support visits. */
async function runningAgreement(): Promise<{ id: string; number: string }> {
  const call = await apiAs("hanna@hisingen.demo");
  type Agreements = { agreements: { edges: { node: { id: string; number: string; status: string } }[] } };
  const { agreements } = await call<Agreements>(`{ agreements(first: 50) { edges { node { id number status } } } }`);
  return agreements.edges.map((e) => e.node).find((a) => a.status === "ACTIVE" || a.status === "EXPIRING")!;
}

/** Accepts the confirmation the next click asks for (window.confirm), and returns its words. */
function confirmNext(page: Page): Promise<string> {
  return new Promise((resolve) => {
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    });
  });
}

describe("a visit booked in the portal, then moved and cancelled by staff", () => {
  let browser: Browser;
  /**
   * The visits this journey books, one an attempt (a failed first attempt is run again, decision 0134): each is
   * called off again should the journey stop before it cancels, or it would be Hanna's next visit on her dashboard
   * for the journeys after it (shared demo data).
   */
  const booked: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (booked.length === 0) return;
    const call = await apiAs("sara.saljare@aptus.demo");
    for (const visitId of booked) {
      // Answers VISIT_CANCELLED as a userError when the journey got that far: nothing to undo then.
      const read = await call<{ node: { version: number } | null }>(
        `query($id: ID!) { node(id: $id) { ... on ServiceVisit { version } } }`,
        { id: visitId },
      );
      await call(`mutation($i: CancelServiceVisitInput!) { cancelServiceVisit(input: $i) { userErrors { code } } }`, {
        i: { visitId, reason: "e2e: återställer demodata", expectedVersion: read.node?.version ?? -1 },
      });
    }
  });

  it("the seller proposes, the customer's admin accepts on the dashboard, staff move and cancel it: each step at 1280 and 390 px", async () => {
    const agreement = await runningAgreement();
    const [first, second, moved, offered] = [swedishDay(12), swedishDay(13), swedishDay(15), swedishDay(16)];
    const [desk, phoneSize] = WIDTHS;
    const staff = await newPage(browser, desk);
    await logIn(staff.page, "sara.saljare@aptus.demo");
    await staff.page.goto(`/agreements/${encodeURIComponent(agreement.id)}/visit-times`);
    await staff.page.getByLabel("Tid 1").waitFor();
    await atBothWidths(staff.page, "visit-times-seller-propose");
    await staff.page.getByLabel("Tid 1").fill(`${first}T08:30`);
    await staff.page.getByLabel("Tid 2").fill(`${second}T14:15`);
    await staff.page.getByRole("button", { name: "Skicka förslaget" }).click();
    await staff.page.getByTestId("proposal-sent").waitFor();
    await atBothWidths(staff.page, "visit-times-seller-proposed");

    // The customer's admin answers on her phone, logged in: the agreement and the dashboard offer the times.
    const phone = await newPage(browser, phoneSize);
    await logIn(phone.page, "hanna@hisingen.demo");
    await phone.page.goto(`/agreements/${encodeURIComponent(agreement.id)}#visits`);
    await phone.page.getByTestId("agreement-offered-visits").filter({ hasText: "08:30" }).waitFor();
    await atBothWidths(phone.page, "visit-times-agreement-offered");
    await phone.page.goto("/");
    const offer = phone.page.getByTestId("offered-visit-times").filter({ hasText: "14:15" });
    await offer.waitFor();
    await atBothWidths(phone.page, "visit-times-dashboard");
    await offer.getByLabel(/14:15/).check();
    await offer.getByRole("button", { name: "Boka vald tid" }).click();
    await phone.page.waitForURL(/\/visits\/[^/?]+\?booked=1$/);
    expect(await phone.page.getByTestId("visit-booked").textContent()).toContain("14:15");
    expect(await phone.page.getByTestId("visit-state").textContent()).toBe("Bokat");
    // The customer cannot move or cancel; only staff can.
    expect(await phone.page.getByTestId("visit-booking-controls").count()).toBe(0);
    await atBothWidths(phone.page, "visit-booked-in-portal");
    const visitPath = new URL(phone.page.url()).pathname;
    booked.push(decodeURIComponent(visitPath.split("/")[2]!));

    // The answer in the portal spent the mail's link: it now says the times are answered.
    const [, link] = await awaitMail("hanna@hisingen.demo", /(https?:\/\/\S+\/visit-times\/\S+)/);
    await phone.page.goto(link!);
    expect(await phone.page.getByRole("alert").textContent()).toContain("redan besvarade");
    await awaitMail("hanna@hisingen.demo", new RegExp(`bokat ${second} kl\\. 14:15`));
    const [booking] = await awaitCalendar("hanna@hisingen.demo", [/METHOD:REQUEST/, /SEQUENCE:0/]).then((lines) =>
      lines.filter((l) => l.startsWith("UID:")),
    );

    // Staff move the visit, confirming first; the customer gets the update.
    await staff.page.goto(visitPath);
    await staff.page.getByTestId("visit-booking-controls").waitFor();
    await atBothWidths(staff.page, "visit-booking-controls-booked");
    const move = staff.page.getByRole("form", { name: "Flytta besöket" });
    await move.getByLabel("Ny tid (svensk tid)").fill(`${moved}T10:00`);
    await move.getByLabel(/Varför flyttas besöket/).fill("Teknikern är på kurs.");
    const asked = confirmNext(staff.page);
    await move.getByRole("button", { name: "Flytta besöket" }).click();
    expect(await asked).toContain("14:15");
    await staff.page.getByText("Besöket är flyttat.").waitFor();
    await staff.page.locator(".page-heading", { hasText: "10:00" }).waitFor({ timeout: 5000 });
    await atBothWidths(staff.page, "visit-moved");
    await awaitMail(
      "hanna@hisingen.demo",
      new RegExp(`flyttat till ${moved} kl\\. 10:00\\. Orsak: Teknikern är på kurs`),
    );
    // Staff offer new times instead (decision 0093): the booking stands until the customer's admin picks one.
    const newTimes = staff.page.getByRole("form", { name: "Föreslå nya tider" });
    await newTimes.getByLabel("Tid 1 (svensk tid)").fill(`${offered}T13:00`);
    const offering = confirmNext(staff.page);
    await newTimes.getByRole("button", { name: "Skicka tiderna" }).click();
    expect(await offering).toContain("10:00");
    await staff.page.getByText("De nya tiderna är skickade.").waitFor();
    await atBothWidths(staff.page, "visit-new-times-sent");
    const [, newLink] = await awaitMail(
      "hanna@hisingen.demo",
      /Tills du svarar gäller den bokade tiden\.[\s\S]*?(https?:\/\/\S+\/visit-times\/\S+)/,
    );
    await phone.page.goto(newLink!);
    await phone.page.getByTestId("offer-moves").filter({ hasText: "10:00" }).waitFor();
    await atBothWidths(phone.page, "visit-new-times-link");
    await phone.page.getByRole("radio").first().check();
    await phone.page.getByRole("button", { name: "Boka vald tid" }).click();
    await phone.page.getByText(/Supportbesöket är bokat .*13:00/).waitFor();
    await atBothWidths(phone.page, "visit-new-time-booked");
    // The same event moves: the next SEQUENCE of its UID.
    const movedByCustomer = await awaitCalendar("hanna@hisingen.demo", [/SEQUENCE:2/, new RegExp(booking!)]);
    expect(movedByCustomer).toContain("METHOD:REQUEST");
    await staff.page.goto(visitPath);
    await staff.page.locator(".page-heading", { hasText: "13:00" }).waitFor({ timeout: 5000 });
    await atBothWidths(staff.page, "visit-booking-controls");

    // Staff cancel on a phone this time. A cancellation without a reason is refused in Swedish before anything is sent.
    await staff.page.setViewportSize(phoneSize);
    const cancel = staff.page.getByRole("form", { name: "Ställ in besöket" });
    await cancel.getByLabel(/Varför ställs besöket in/).fill("   ");
    const refusal = confirmNext(staff.page);
    await cancel.getByRole("button", { name: "Ställ in besöket" }).click();
    await refusal;
    await staff.page.getByText("Skriv varför besöket ställs in; kunden läser det.").waitFor();
    await atBothWidths(staff.page, "visit-cancel-refused");

    // Staff cancel it with a reason; the calendar event is called off by the same UID.
    await cancel.getByLabel(/Varför ställs besöket in/).fill("Fastigheten byggs om.");
    const sure = confirmNext(staff.page);
    await cancel.getByRole("button", { name: "Ställ in besöket" }).click();
    expect(await sure).toContain("Det går inte att ångra");
    await staff.page.getByText("Besöket är inställt.").waitFor();
    await staff.page.getByTestId("visit-state").filter({ hasText: "Inställt" }).waitFor({ timeout: 5000 });
    expect(await staff.page.getByTestId("visit-booking-controls").count()).toBe(0);
    await atBothWidths(staff.page, "visit-cancelled");
    const calendar = await awaitCalendar("hanna@hisingen.demo", [/METHOD:CANCEL/, new RegExp(booking!)]);
    expect(calendar).toContain("SEQUENCE:3");
    expect(calendar).toContain("STATUS:CANCELLED");
    await staff.context.close();

    await phone.context.close();
  });
});
