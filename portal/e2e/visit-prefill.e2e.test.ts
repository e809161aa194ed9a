import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, apiAs, launchBrowser, logIn, newPage, propertyIds, screenshot, expectNoSidewaysScroll } from "./support";

/**
 * The technician opens the protocol form of a visit to a monitored property: the size check starts
 * from the backup the installation reported over plain HTTP, marked as monitoring's proposal.
 */
let browser: Browser;
let visitId: string;
const stamp = Date.now().toString(36);
// Larger than any other backup of the property, so it is the one the size check is proposed from.
const SIZE_MB = 7777;

const pingBase = () => (process.env.API_URL ?? "").replace(/\/graphql$/, "");

beforeAll(async () => {
  browser = await launchBrowser();
  const karin = await apiAs(DEMO.karin.email);
  const propertyId = (await propertyIds(karin))["Kv. Masthugget 4"]!;
  type Made = { createMonitoringCheck: { pingKey: string; monitoringCheck: { id: string }; userErrors: unknown[] } };
  const made = await karin<Made>(
    `mutation($i: CreateMonitoringCheckInput!) {
      createMonitoringCheck(input: $i) { pingKey monitoringCheck { id } userErrors { code message } }
    }`,
    {
      i: {
        propertyId,
        kind: "BACKUP_JOB",
        name: `Databasbackup ${stamp}`,
        cronExpression: "0 2 * * *",
        graceSeconds: 600,
      },
    },
  );
  expect(made.createMonitoringCheck.userErrors).toEqual([]);
  const res = await fetch(`${pingBase()}/ping/${made.createMonitoringCheck.pingKey}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ size_bytes: SIZE_MB * 1024 * 1024, duration_ms: 120_000 }),
  });
  expect(res.status).toBe(200);
  type Agreements = { agreements: { edges: { node: { id: string; monitoringChecks: { id: string }[] } }[] } };
  const { agreements } = await karin<Agreements>(
    `{ agreements(first: 100) { edges { node { id monitoringChecks { id } } } } }`,
  );
  const agreementId = agreements.edges.find((e) =>
    e.node.monitoringChecks.some((c) => c.id === made.createMonitoringCheck.monitoringCheck.id),
  )!.node.id;
  const tomas = await apiAs("tomas.tekniker@aptus.demo");
  const { viewer } = await tomas<{ viewer: { user: { id: string } } }>(`{ viewer { user { id } } }`);
  const admin = await apiAs(DEMO.admin.email);
  type Booked = { scheduleServiceVisit: { serviceVisit: { id: string } | null; userErrors: unknown[] } };
  const booked = await admin<Booked>(
    `mutation($i: ScheduleServiceVisitInput!) {
      scheduleServiceVisit(input: $i) { serviceVisit { id } userErrors { code message } }
    }`,
    {
      i: {
        agreementId,
        propertyId,
        technicianId: viewer.user.id,
        scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      },
    },
  );
  expect(booked.scheduleServiceVisit.userErrors).toEqual([]);
  visitId = booked.scheduleServiceVisit.serviceVisit!.id;
});
afterAll(async () => {
  await browser?.close();
});

describe("the visit protocol form prefilled from monitoring", () => {
  it("proposes the database size from the latest backup, marked as monitoring's proposal (390 px)", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    try {
      await logIn(page, "tomas.tekniker@aptus.demo");
      await page.goto(`/visits/${encodeURIComponent(visitId)}/protocol`);
      await page.getByRole("heading", { name: "Besöksprotokoll", level: 1 }).waitFor();
      const size = page.getByRole("group", { name: "Databasens storlek och förändring" });
      const proposal = size.getByTestId("proposal-DATABASE_SIZE");
      await expect(proposal.textContent()).resolves.toContain("Förslag från övervakningen");
      await expect(proposal.textContent()).resolves.toContain("Från Aptus Systemövervakning.");
      expect(await size.getByLabel("Storlek i MB").inputValue()).toBe(String(SIZE_MB));
      expect(await size.getByLabel("Anteckning").inputValue()).toMatch(/^Senaste backupen.* var 7 777 MB/);
      expect(await size.getByLabel("OK").isChecked()).toBe(true);
      await expectNoSidewaysScroll(page);
      await screenshot(page, "visit-form-prefill-390");
    } finally {
      await context.close();
    }
  });
});
