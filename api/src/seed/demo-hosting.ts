import type { Db } from "../db/client.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import { recordHostedServiceUpdate, recordRestoreTest } from "../modules/hosting/index.js";
import * as releases from "../modules/releases/release.service.js";
import type { Viewer } from "../shared/viewer.js";
import type { LivedTime } from "./lived-time.js";
import { must } from "./must.js";

/**
 * Aptus Hosting as support lived it for Västkustens Fastigheter (hosting Bokning, Aptusportal and
 * Hantera): Hantera and Aptusportal updated to their latest releases, Bokning left one release behind
 * so the support dashboard has an outdated service to show, and one restore test.
 */
export async function seedDemoHosting(db: Db, lived: LivedTime, admin: Viewer, orgIds: Map<string, string>) {
  const tomas = (await systemViewerOf(db, "tomas.tekniker@aptus.demo"))!;
  const customerId = orgIds.get("Västkustens Fastigheter AB")!;
  for (const [version, days] of [
    ["2.2.0", -130],
    ["2.3.0", -20],
  ] as const)
    await lived.on(days, "15:00", async () =>
      must(
        await releases.publishProductRelease(db, admin, {
          product: "BOKNING",
          version,
          releasedOn: lived.day(days),
          notes: null,
        }),
        `BOKNING ${version}`,
      ),
    );
  const updates = [
    ["BOKNING", "2.1.0", "2.2.0", -110, "Uppdaterad i servicefönstret."],
    ["HANTERA", "3.3.1", "3.4.1", -50, null],
    ["APTUSPORTAL", "2.7.0", "2.8.0", -18, "Ny inloggningssida."],
  ] as const;
  for (const [service, versionBefore, versionAfter, days, note] of updates)
    await lived.on(days, "06:30", async ({ clock, now }) =>
      must(
        await recordHostedServiceUpdate(
          db,
          tomas,
          { customerId, service, versionBefore, versionAfter, updatedAt: now, note },
          clock,
          now,
        ),
        `${service} ${versionAfter}`,
      ),
    );
  await lived.on(-12, "10:15", async ({ clock, now }) =>
    must(
      await recordRestoreTest(
        db,
        tomas,
        {
          customerId,
          testedAt: now,
          backupTakenAt: new Date(now.getTime() - 8 * 3_600_000),
          result: "OK",
          note: "Nattens backup återläst till testmiljön; Hantera startade och visade alla lägenheter.",
        },
        clock,
        now,
      ),
      "restore test",
    ),
  );
}
