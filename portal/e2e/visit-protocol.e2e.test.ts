import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitMail } from "./mailbox";
import { apiAs, launchBrowser, logIn, newPage, screenshot, swedishDay, expectNoSidewaysScroll } from "./support";

const TOMAS = "tomas.tekniker@aptus.demo";
/** Majviks Fastigheter's admin: the reader of the Sjöbacken protocol. */
const MAJA = "maja@majvik.demo";
const CHECKS = [
  "Genomgång av databasen",
  "Genomgång av rutiner",
  "Kontroll av hårdvara och programversioner",
  "Kontroll av backuprutiner",
  "Databasens storlek och förändring",
];

type Agreements = {
  agreements: {
    edges: { node: { id: string; number: string; endsOn: string; properties: { id: string; name: string }[] } }[];
  };
};

/**
 * A visit of its own at Kv. Sjöbacken 3 (Majviks Fastigheter, whose agreed action plan the finding joins), booked
 * by Sara through the API, as the booking is not this journey. It lies more than half a year from the visit the
 * plan proposes, so the proposal stays "to book" for the journeys that read it, and nobody else's visits, mails or
 * size chart change.
 */
async function visitAtSjobacken(on: string) {
  const sara = await apiAs("sara.saljare@aptus.demo");
  const { agreements } = await sara<Agreements>(
    `{ agreements(first: 100) { edges { node { id number endsOn properties { id name } } } } }`,
  );
  // The demo's agreement, whose period holds the visit: the renewal journeys add agreements of their own on the same
  // properties that end sooner (majvik.ts), and may have run first.
  const majvik = agreements.edges
    .map((e) => e.node)
    .find((a) => a.properties.some((p) => p.name === "Kv. Sjöbacken 3") && a.endsOn > on)!;
  const tomas = await apiAs(TOMAS);
  const { viewer } = await tomas<{ viewer: { user: { id: string } } }>(`{ viewer { user { id } } }`);
  const r = await sara<{
    scheduleServiceVisit: { serviceVisit: { id: string } | null; userErrors: { code: string }[] };
  }>(
    `mutation($i: ScheduleServiceVisitInput!) { scheduleServiceVisit(input: $i) { serviceVisit { id } userErrors { code } } }`,
    {
      i: {
        agreementId: majvik.id,
        propertyId: majvik.properties.find((p) => p.name === "Kv. Sjöbacken 3")!.id,
        technicianId: viewer.user.id,
        scheduledAt: `${on}T07:00:00Z`,
      },
    },
  );
  expect(r.scheduleServiceVisit.userErrors).toEqual([]);
  return { id: r.scheduleServiceVisit.serviceVisit!.id, number: majvik.number };
}

async function fillChecks(page: Page) {
  for (const title of CHECKS)
    await page
      .getByRole("group", { name: title })
      .getByLabel(title === "Genomgång av rutiner" ? "Behöver åtgärdas" : "OK")
      .check();
  await page
    .getByRole("group", { name: "Genomgång av rutiner" })
    .getByLabel("Anteckning")
    .fill("Rutin för borttappade brickor saknas.");
  await page.getByLabel("Storlek i MB").fill("3 640");
}

async function sign(page: Page) {
  await page.getByLabel("Namn på den som signerar").fill("Hanna Förvaltare");
  const pad = page.getByTestId("signature-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + 100 - Math.sin(i) * 30);
  await page.mouse.up();
}

describe.each([
  { width: 1280, height: 860, daysAhead: 205 },
  { width: 390, height: 844, daysAhead: 208 },
])("a visit recorded, completed, mailed and followed up at $width px", ({ width, height, daysAhead }) => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, { width, height }));
    await logIn(page, TOMAS);
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  it("saves offline into a queue, sends it when the connection is back, completes, mails the protocol and makes a finding an action item", async () => {
    const on = swedishDay(daysAhead);
    const visit = await visitAtSjobacken(on);
    await page.goto(`/visits/${encodeURIComponent(visit.id)}/protocol`);
    await page.locator("[data-draft-kept]").waitFor();
    await fillChecks(page);

    // The tablet loses its connection in the basement: the save is kept, and the technician is told so in Swedish.
    await context.setOffline(true);
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByTestId("save-queued").waitFor();
    expect(await page.getByTestId("save-queued").textContent()).toContain("sparas när anslutningen är tillbaka");
    expect(await page.evaluate((id) => localStorage.getItem(`trygg-visit-queue-${id}`), visit.id)).toContain(
      "ROUTINES",
    );

    const tomas = await apiAs(TOMAS);
    type Form = { node: { version: number; checks: { kind: string; recorded: boolean }[] } };
    const read = `query($id: ID!) { node(id: $id) { ... on ServiceVisit { version checks { kind recorded } } } }`;
    if (width === 390) {
      // Meanwhile another device saves the protocol: the queued save must not overwrite it without a word.
      const { node } = await tomas<Form>(read, { id: visit.id });
      await tomas(`mutation($i: RecordVisitChecksInput!) { recordVisitChecks(input: $i) { userErrors { code } } }`, {
        i: {
          visitId: visit.id,
          expectedVersion: node.version,
          checks: [{ kind: "DATABASE_REVIEW", result: "OK", note: "Från den andra surfplattan." }],
        },
      });
    }
    await context.setOffline(false);
    if (width === 390) {
      const stale = page.getByText("Protokollet sparades från en annan enhet");
      await stale.waitFor();
      expect(await page.locator("body").textContent()).not.toContain("STALE_VERSION");
      await screenshot(page, `visit-protocol-stale-${width}`);
      // Reloaded, the page reads the newer version and puts back what was typed; this save goes through.
      await page.getByRole("link", { name: "Ladda om" }).click();
      await page.locator("[data-draft-kept]").waitFor();
      expect(await page.getByLabel("Storlek i MB").inputValue()).toBe("3 640");
      await page.getByRole("button", { name: "Spara", exact: true }).click();
    }
    await page.getByText("Sparat.").waitFor();
    expect(await page.getByTestId("save-queued").count()).toBe(0);
    const saved = await tomas<Form>(read, { id: visit.id });
    expect(saved.node.checks.every((c) => c.recorded)).toBe(true);

    await sign(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, `visit-protocol-form-${width}`);
    const completed = new Date();
    await page.getByRole("button", { name: "Avsluta besöket" }).click();
    await page.getByTestId("visit-state").filter({ hasText: "Genomfört" }).waitFor();

    // Signed on site, so the protocol goes by itself (VISIT_PROTOCOL_SEND=SIGNED), to the customer's admin too.
    const mail = await awaitMail(
      MAJA,
      new RegExp(`protokollet från det årliga supportbesöket ${on} på Kv\\. Sjöbacken 3 \\(avtal ${visit.number}\\)`),
      40_000,
      completed,
    );
    expect(mail[0]).toContain(on);
    await page.reload();
    await page.getByTestId("protocol-mailing").getByText("Protokollet skickades").waitFor();

    // A second tab, open from before: its click comes after the first made the finding an action item.
    const other = await context.newPage();
    await other.goto(`/visits/${encodeURIComponent(visit.id)}`);
    const make = (p: Page) =>
      p.getByTestId("make-action-item-ROUTINES").getByRole("button", { name: "Gör till åtgärdspunkt" });
    await make(page).click();
    await page.getByText("ligger nu sist i åtgärdsplanen").waitFor();
    await page
      .getByTestId("action-item-ROUTINES")
      .getByRole("link", { name: /Genomgång av rutiner/ })
      .waitFor();
    await make(other).click();
    await other.getByText("Kontrollen har redan sin punkt i åtgärdsplanen.").waitFor();
    await other.close();

    // A correction of the mailed protocol: a new version, mailed to the same readers with what changed.
    const correction = page.getByTestId("protocol-correction");
    await correction.getByText("Rätta protokollet").click();
    await correction
      .getByRole("group", { name: "Genomgång av rutiner" })
      .getByLabel("Anteckning")
      .fill("Rutin för borttappade brickor saknas; förvaltaren tar fram en.");
    await correction.getByLabel("Varför rättas protokollet?").fill("Anteckningen blev ofullständig.");
    const correctedAt = new Date();
    await correction.getByRole("button", { name: "Spara rättelsen" }).click();
    await page.getByText("Protokollet är rättat: version 2.").waitFor();
    const corrected = await awaitMail(
      MAJA,
      new RegExp(
        `supportbesöket ${on} på Kv\\. Sjöbacken 3 \\(avtal ${visit.number}\\) är rättat[\\s\\S]*Skäl: Anteckningen blev ofullständig\\.[\\s\\S]*- Genomgång av rutiner, anteckning: "Rutin för borttappade brickor saknas\\." → "(.*)"`,
      ),
      40_000,
      correctedAt,
    );
    expect(corrected[1]).toBe("Rutin för borttappade brickor saknas; förvaltaren tar fram en.");
    await page.reload();
    await page.getByText("Protokoll version 2 – Anteckningen blev ofullständig.").waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, `visit-protocol-page-${width}`);
  });
});
