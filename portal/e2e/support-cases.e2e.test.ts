import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, DEMO, launchBrowser, logIn, openFromMenu, newPage, screenshot } from "./support";

const BRITT = DEMO.britt; // Brf Kastanjen: its agreement ended, the next has not begun; no installer.
const TOMAS = "tomas.tekniker@aptus.demo"; // the vendor's support
const BO = "bo@brflinne.demo"; // Brf Linnégatan 12, whose installer is Nordsäk

describe("support cases", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const caseSubject = `E2E skrivaren i porten ${Date.now()}`;
  let caseNumber = "";
  let caseHref = "";

  // The severity-1 case's deadline at a desk and on a phone (issue 22's "Done when"); the 1280 px case is the one the
  // later tests answer, hand on and download from.
  it.each([
    { width: 1280, height: 860 },
    { width: 390, height: 844 },
  ])(
    "tells a BRF customer without an agreement when support opens and when the case will be answered, as the calendar says, at $width px",
    async (viewport) => {
      const api = await apiAs(BRITT.email);
      const { context, page } = await newPage(browser, viewport);
      const subject = `${caseSubject} ${viewport.width}`;
      const desk = viewport.width === 1280;
      try {
        await logIn(page, BRITT.email);
        await openFromMenu(page, "Support");
        await page.waitForURL((url) => url.pathname === "/support");

        // The open/closed line agrees with the calendar for the real now.
        const status = page.getByTestId("support-status");
        const shownOpen = (await status.getAttribute("data-open")) === "true";
        const { supportCalendar: cal } = await api<{ supportCalendar: { isOpen: boolean } }>(
          "query($now: DateTime!) { supportCalendar { isOpen(at: $now) } }",
          { now: new Date().toISOString() },
        );
        expect(shownOpen).toBe(cal.isOpen);
        expect(await status.textContent()).toMatch(
          shownOpen ? /Supporten är öppen till \d\d:\d\d/ : /Supporten är stängd\. Öppnar .+ \d\d:\d\d/,
        );
        // Weekends are named as closed days in the coming weeks.
        expect(await page.getByTestId("opening-hours").textContent()).toMatch(/Stängt: (Lördag|Söndag)/);

        // A file over the limit is refused before it is sent, in words.
        await page
          .getByLabel("Bilagor")
          .setInputFiles({ name: "stor.log", mimeType: "text/plain", buffer: Buffer.alloc(800 * 1024, 0x41) });
        await page.getByTestId("attachments-too-big").getByText("högst 700 KB tillsammans", { exact: false }).waitFor();
        await page.getByLabel("Bilagor").setInputFiles({
          name: "fel.log",
          mimeType: "text/plain",
          buffer: Buffer.from("2026-11-28 10:02 dörr 3: timeout\n"),
        });

        // Sent without a severity, the form says what is missing, in words, and keeps what was typed.
        await page.getByLabel("Vad gäller det?").selectOption("TECHNICAL");
        await page.getByLabel("Rubrik").fill(subject);
        await page.getByLabel(/^Beskrivning/).fill("Porttelefonen i port B svarar inte sedan i morse.");
        await page
          .getByTestId("case-severity-choice")
          .evaluate((f) => f.querySelectorAll("input").forEach((i) => i.removeAttribute("required")));
        await page.getByRole("button", { name: "Skicka ärendet" }).click();
        await page.getByRole("alert").getByText("Välj hur allvarligt det är.").waitFor();
        expect(await page.getByLabel("Rubrik").inputValue()).toBe(subject);
        await page.getByLabel("Bilagor").setInputFiles({
          name: "fel.log",
          mimeType: "text/plain",
          buffer: Buffer.from("2026-11-28 10:02 dörr 3: timeout\n"),
        });
        await page.getByLabel(/^Hela systemet ur funktion/).check();
        await page.getByLabel(/^Beskrivning/).fill("Porttelefonen i port B svarar inte sedan i morse.");
        await page.getByRole("button", { name: "Skicka ärendet" }).click();
        const receipt = page.getByTestId("case-receipt");
        await receipt.waitFor();
        const number = (/Ärende (\S+) är skickat/.exec((await receipt.textContent()) ?? "") ?? [])[1] ?? "";
        expect(number).not.toBe("");
        const href = (await receipt.getByRole("link", { name: "Visa ärendet" }).getAttribute("href")) ?? "";
        if (desk) [caseNumber, caseHref] = [number, href];
        await screenshot(page, `support-case-opened-${viewport.width}`);

        // What the receipt says is what the calendar answers for the instant the case came in.
        const { supportCases } = await api<{
          supportCases: {
            edges: {
              node: {
                number: string;
                openedAt: string;
                responseDueAt: string;
                supportOpensAt: string | null;
                responseTargetHours: number;
                coveredByAgreement: boolean;
                routedTo: string;
                severity: string;
                priority: string;
                resolutionDueAt: string;
              };
            }[];
          };
        }>(
          "{ supportCases(first: 100) { edges { node { number openedAt responseDueAt supportOpensAt responseTargetHours coveredByAgreement routedTo severity priority resolutionDueAt } } } }",
        );
        const opened = supportCases.edges.map((e) => e.node).find((c) => c.number === number)!;
        expect(opened.coveredByAgreement).toBe(false);
        // "Hela systemet ur funktion" without an agreement: HIGH, four open hours (the targets table).
        expect([opened.severity, opened.priority, opened.responseTargetHours]).toEqual(["SYSTEM_DOWN", "HIGH", 4]);
        expect(opened.routedTo).toBe("VENDOR");
        const { supportCalendar: at } = await api<{
          supportCalendar: { isOpen: boolean; nextOpening: string; responseDeadline: string };
        }>(
          "query($t: DateTime!, $h: Float!) { supportCalendar { isOpen(at: $t) nextOpening(after: $t) responseDeadline(from: $t, openHours: $h) } }",
          { t: opened.openedAt, h: opened.responseTargetHours },
        );
        expect(await receipt.getAttribute("data-due")).toBe(at.responseDeadline);
        expect(new Date(opened.responseDueAt).toISOString()).toBe(new Date(at.responseDeadline).toISOString());
        if (at.isOpen) {
          // Opened in open hours: nothing about opening, only the answer time.
          expect(await receipt.getAttribute("data-opens")).toBe("");
        } else {
          // Opened while closed (a Saturday, a holiday, an evening): told when support opens.
          expect(new Date(opened.supportOpensAt!).toISOString()).toBe(new Date(at.nextOpening).toISOString());
          await receipt
            .getByTestId("receipt-opens")
            .getByText("Supporten är stängd just nu och öppnar", { exact: false })
            .waitFor();
        }
        await receipt.getByTestId("receipt-due").getByText("Du får svar senast", { exact: false }).waitFor();

        // The case page says how bad it is, the priority it gave, and both deadlines.
        await page.goto(href);
        expect(await page.getByTestId("case-severity").textContent()).toBe("Hela systemet ur funktion");
        expect(await page.getByTestId("case-priority").textContent()).toMatch(/^Hög: svar inom 4 öppettimmar/);
        expect(new Date((await page.getByTestId("case-resolution-due").getAttribute("data-at"))!).toISOString()).toBe(
          new Date(opened.resolutionDueAt).toISOString(),
        );
        await screenshot(page, `support-case-severity-${viewport.width}`);
      } finally {
        await context.close();
      }
    },
  );

  it("lets support answer from the queue, with an internal note the customer never sees", async () => {
    expect(caseNumber).not.toBe("");
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, TOMAS);
      await openFromMenu(page, "Supportkö");
      await page.waitForURL((url) => url.pathname === "/support-queue");
      // The queue pages by 20, most urgent first; rows show the time left in open hours.
      await page
        .getByTestId("support-queue")
        .getByTestId("time-left")
        .first()
        .getByText(/h (kvar|sen)|Besvarat|Pausad/)
        .waitFor();
      await screenshot(page, "support-queue-vendor");
      await page.goto(caseHref);
      await page.getByRole("heading", { name: new RegExp(caseNumber) }).waitFor();
      await page
        .getByTestId("case-due")
        .getByText(/h (kvar|sen)/)
        .waitFor();

      await page.getByLabel("Meddelande", { exact: true }).fill("Internt: kolla porttelefonens firmware först.");
      await page.getByLabel(/Intern anteckning/).check();
      await page.getByRole("button", { name: "Skicka", exact: true }).click();
      await page.getByText("Meddelandet är skickat.").waitFor();
      await page
        .getByLabel("Meddelande", { exact: true })
        .fill("Hej Britt! Starta om porttelefonen med knappen under locket, så hör vi av oss.");
      await page.getByRole("button", { name: "Skicka", exact: true }).click();
      await page.getByTestId("thread").getByText("Starta om porttelefonen", { exact: false }).waitFor();
      await page.getByTestId("case-due").getByText("Besvarat").waitFor();
      await screenshot(page, "support-case-answered");
    } finally {
      await context.close();
    }

    const customer = await newPage(browser);
    try {
      await logIn(customer.page, BRITT.email);
      await customer.page.goto("/support");
      await customer.page.locator(`tr[data-case="${caseNumber}"]`).getByRole("link", { name: caseNumber }).click();
      const thread = customer.page.getByTestId("thread");
      await thread.getByText("Starta om porttelefonen", { exact: false }).waitFor();
      expect(await thread.textContent()).not.toContain("firmware");
    } finally {
      await customer.context.close();
    }
  });

  it("shows the case's handler by who it is, not by name: of two colleagues named alike, the one it was given to", async () => {
    expect(caseHref).not.toBe("");
    // Two support staff with the same name, made for this run.
    const admin = await apiAs(DEMO.admin.email);
    const name = `Dubbel Handläggare ${Date.now().toString().slice(-6)}`;
    const { viewer } = await admin<{ viewer: { organisation: { id: string } } }>("{ viewer { organisation { id } } }");
    for (const n of [1, 2]) {
      const { createUser } = await admin<{ createUser: { userErrors: unknown[] } }>(
        "mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code } } }",
        {
          i: {
            organisationId: viewer.organisation.id,
            name,
            email: `dubbel${n}-${Date.now()}@aptus.demo`,
            role: "SUPPORT",
            password: "ett-långt-lösenord",
          },
        },
      );
      expect(createUser.userErrors).toEqual([]);
    }
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, TOMAS);
      await page.goto(caseHref);
      const assign = page.getByRole("form", { name: "Tilldela" });
      const twins = await assign
        .getByLabel("Handläggare")
        .locator("option")
        .evaluateAll(
          (options, n) => options.filter((o) => o.textContent === n).map((o) => (o as HTMLOptionElement).value),
          name,
        );
      expect(twins).toHaveLength(2);
      // The second of the two in the list: a match by name would show the first.
      await assign.getByLabel("Handläggare").selectOption(twins[1]!);
      await assign.getByRole("button", { name: "Tilldela" }).click();
      await page.getByRole("status").filter({ hasText: "Ärendet är tilldelat." }).waitFor();
      // The page reloads the case after the change and shows whom it now has.
      await expect
        .poll(() => page.getByRole("form", { name: "Tilldela" }).getByLabel("Handläggare").inputValue())
        .toBe(twins[1]);
      await page.reload();
      expect(await page.getByRole("form", { name: "Tilldela" }).getByLabel("Handläggare").inputValue()).toBe(twins[1]);
    } finally {
      await context.close();
    }
  });

  it("downloads attachments through the portal named by what they are, and never another customer's", async () => {
    expect(caseHref).not.toBe("");
    const html = "<html><body><script>alert(document.cookie)</script></body></html>\n";
    const { context, page } = await newPage(browser);
    let href = "";
    try {
      await logIn(page, BRITT.email);
      await page.goto(caseHref);
      await page.getByLabel("Meddelande", { exact: true }).fill("Här är rapporten från porttelefonen.");
      await page
        .locator("#reply-attachments")
        .setInputFiles({ name: "rapport.html", mimeType: "text/html", buffer: Buffer.from(html) });
      await page.getByRole("button", { name: "Skicka", exact: true }).click();
      const link = page.getByTestId("thread").getByRole("link", { name: "rapport.html" });
      await link.waitFor();
      expect(await link.getAttribute("download")).toBe("rapport.txt");
      href = (await link.getAttribute("href")) ?? "";

      const file = await page.request.get(href);
      expect(file.status()).toBe(200);
      expect(file.headers()["content-type"]).toBe("text/plain; charset=utf-8");
      expect(file.headers()["content-disposition"]).toBe(
        `attachment; filename="rapport.txt"; filename*=UTF-8''rapport.txt`,
      );
      expect(file.headers()["x-content-type-options"]).toBe("nosniff");
      expect((await file.body()).toString()).toBe(html);
      const log = await page.request.get((await page.getByRole("link", { name: "fel.log" }).getAttribute("href"))!);
      expect([log.status(), log.headers()["content-disposition"]]).toEqual([
        200,
        `attachment; filename="fel.log"; filename*=UTF-8''fel.log`,
      ]);
    } finally {
      await context.close();
    }
    const stranger = await newPage(browser);
    try {
      await logIn(stranger.page, DEMO.karin.email);
      expect((await stranger.page.request.get(href)).status()).toBe(404);
    } finally {
      await stranger.context.close();
    }
  });

  it("routes a programming case to the customer's installer, whose queue shows it", async () => {
    const programming = `E2E nya taggar ${Date.now()}`;
    const { context, page } = await newPage(browser);
    let number = "";
    try {
      await logIn(page, BO);
      await page.goto("/support");
      await page.getByLabel(/^Delvis ur funktion/).check();
      await page.getByLabel("Vad gäller det?").selectOption("PROGRAMMING");
      await page.getByLabel("Fastighet (valfritt)").selectOption({ label: "Linnégatan 12" });
      await page.getByLabel("Rubrik").fill(programming);
      await page.getByLabel(/^Beskrivning/).fill("Vi behöver programmera 12 nya taggar till tvättstugan.");
      await page.getByRole("button", { name: "Skicka ärendet" }).click();
      const receipt = page.getByTestId("case-receipt");
      await receipt.getByText("Nordsäk", { exact: false }).waitFor();
      number = (/Ärende (\S+) är skickat/.exec((await receipt.textContent()) ?? "") ?? [])[1] ?? "";
    } finally {
      await context.close();
    }
    const partner = await newPage(browser);
    try {
      await logIn(partner.page, DEMO.petra.email);
      await openFromMenu(partner.page, "Supportkö");
      const row = partner.page.locator(`tr[data-case="${number}"]`);
      await row.getByText(programming).waitFor();
      await screenshot(partner.page, "support-queue-partner");
    } finally {
      await partner.context.close();
    }
  });

  it("names the closed weekend days in English to a user who reads Trygg in English", async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, BO);
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: /^Welcome, / }).waitFor();
      await page.goto("/support");
      const hours = (await page.getByTestId("opening-hours").textContent()) ?? "";
      expect(hours).toMatch(/Closed: (Saturday|Sunday)/);
      expect(hours).not.toMatch(/Lördag|Söndag/);
    } finally {
      await context.close();
      // The switch is stored on Bo's account (decision 0075): Swedish again for the journeys after.
      const bo = await apiAs(BO);
      await bo("mutation { setMyLanguage(input: { language: SV }) { userErrors { code } } }");
    }
  });
});
