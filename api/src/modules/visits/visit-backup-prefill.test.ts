import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { and, asc, eq } from "drizzle-orm";
import { auditEvents, monitoringChecks, monitoringPings } from "../../db/schema/index.js";
import { addDaysIso } from "../../shared/dates.js";
import { freshDatabase, okOf } from "../../test-support.js";
import { receivePing } from "../monitoring/ping-ingestion.js";
import { newPingKey } from "../monitoring/ping-key.js";
import { visitCheckProposals, visitBackupEvidence } from "./visit-backup-prefill.js";
import { protocolDocument } from "./visit-protocol-document.js";
import { completeServiceVisit, correctVisitProtocol } from "./visit-protocol.js";
import { recordVisitCheck, type RecordCheckInput } from "./visit-checks.js";
import { at, clock, day, visitWorld } from "./visit.fixture.js";
import * as s from "./visit.service.js";

/**
 * A visit's proposed backup checks follow what the installation reported through the monitoring
 * module: nightly backups sent as pings, two nights missing and one backup too small to believe.
 */
let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;
let visit: s.ServiceVisitRow;
let agreement: Awaited<ReturnType<typeof w.agreement>>;
let key: string;

const MIB = 1024 * 1024;
/** The form is opened on the morning of 5 March 2027. */
const NOW = new Date("2027-03-05T08:00:00Z");
const FIRST_NIGHT = "2027-01-26";
const stockholm = (date: string, hh: number, mm: number) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(+new TZDate(y, m - 1, d, hh, mm, 0, 0, "Europe/Stockholm"));
};

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
  agreement = await w.agreement();
  visit = okOf(
    await s.scheduleServiceVisit(
      w.db,
      w.seller,
      {
        agreementId: agreement.id,
        propertyId: w.propertyId,
        technicianId: w.technician.userId,
        scheduledAt: at(day(10)),
      },
      clock,
    ),
  );
  const made = newPingKey();
  key = made.key;
  await w.db.insert(monitoringChecks).values({
    customerId: w.customerId,
    propertyId: w.propertyId,
    agreementId: agreement.id,
    kind: "BACKUP_JOB",
    name: "Hantera-databasen",
    cronExpression: "0 2 * * *",
    graceSeconds: 3600,
    runGraceSeconds: 3600,
    failureThreshold: 1,
    successThreshold: 1,
    pingKeyPrefix: made.prefix,
    pingKeyHash: made.hash,
    createdAt: new Date("2027-01-25T12:00:00Z"),
  });
  // Nightly from 26 January to 5 March (39 nights): none on 10 and 11 February, a 1 KB one on 20 February.
  for (let i = 0; i < 39; i++) {
    const night = addDaysIso(FIRST_NIGHT, i);
    if (night === "2027-02-10" || night === "2027-02-11") continue;
    const sizeBytes = night === "2027-02-20" ? 1024 : (500 + i) * MIB;
    await receivePing(
      w.db,
      {
        key,
        signal: "SUCCESS",
        exitCode: 0,
        runId: null,
        durationMs: 600_000,
        sizeBytes,
        body: null,
        remoteAddress: "192.0.2.10",
      },
      stockholm(night, 2, 12),
    );
  }
  // PGlite, the demo world and 37 pings each in its own transaction take a while on a busy machine.
}, 180_000);
afterAll(() => database.close());

describe("a visit's backup checks prefilled from monitoring", () => {
  it("reflects the pings: the nights that ran, the gap and the backup flagged too small", async () => {
    const evidence = (await visitBackupEvidence(w.db, visit, NOW))!;
    expect(evidence.checks).toHaveLength(1);
    expect(evidence.checks[0]).toMatchObject({
      name: "Hantera-databasen",
      expectedRuns: 39,
      successfulRuns: 36,
      failedRuns: 1,
      missedRuns: 2,
      longestGap: { firstNight: "2027-02-10", lastNight: "2027-02-11", runs: 2 },
      firstSizeBytes: 500 * MIB,
      lastSizeBytes: 538 * MIB,
    });
    expect(evidence.checks[0]!.anomalies.map((a) => a.night)).toEqual(["2027-02-20"]);
  });

  it("proposes the backup check as needing action, in Swedish, and the size check with the last backup's size", async () => {
    const [backup, size] = await visitCheckProposals(w.db, visit, NOW);
    expect(backup).toMatchObject({ kind: "BACKUP_ROUTINES", result: "NEEDS_ACTION" });
    expect(backup!.note).toBe(
      "Backup lyckades 36 av 39 nätter (92,3 %); 2 avbrott, längsta 2 nätter (10–11 februari 2027). " +
        "1 backup flaggad som misstänkt liten eller snabb (20 februari 2027). " +
        "Från Aptus Systemövervakning, 2026-03-05–2027-03-05.",
    );
    expect(size).toMatchObject({ kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: 538 });
    expect(size!.note).toContain("från 500 MB (2027-01-26) till 538 MB (2027-03-05), +7,6 %");
  });

  it("gives the protocol the evidence sentence and the year's sizes week by week for its chart", async () => {
    const doc = await protocolDocument(w.db, visit, agreement, NOW);
    const [backup] = await visitCheckProposals(w.db, visit, NOW);
    expect(doc.backup!.sentence).toBe(backup!.note);
    expect(doc.backup!.points[0]).toEqual({ visitedOn: "2027-01-25", sizeMb: 505 });
    expect(doc.backup!.points.at(-1)).toEqual({ visitedOn: "2027-03-01", sizeMb: 538 });
  });

  it("records in the audit trail that a saved check came from the proposal, and whether the technician changed it", async () => {
    const [backup, size] = await visitCheckProposals(w.db, visit, NOW);
    const record = (input: Omit<RecordCheckInput, "visitId">) =>
      recordVisitCheck(w.db, w.technician, { visitId: visit.id, ...input }, clock, NOW).then(okOf);
    await record({ kind: "BACKUP_ROUTINES", result: backup!.result, note: backup!.note, fromProposal: true });
    await record({ kind: "DATABASE_SIZE", result: "OK", note: size!.note, databaseSizeMb: 540, fromProposal: true });
    await record({ kind: "ROUTINES", result: "OK", note: "" });
    // Typed by hand (no fromProposal), though a proposal exists for the check: nothing to say of it.
    await record({ kind: "BACKUP_ROUTINES", result: backup!.result, note: backup!.note });
    const trail = await w.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, visit.id), eq(auditEvents.action, "serviceVisit.recordCheck")))
      .orderBy(asc(auditEvents.occurredAt));
    expect(trail.map((t) => t.details)).toEqual([
      { kind: "BACKUP_ROUTINES", result: "NEEDS_ACTION", prefilled: true, changedFromProposal: false },
      { kind: "DATABASE_SIZE", result: "OK", prefilled: true, changedFromProposal: true },
      { kind: "ROUTINES", result: "OK" },
      { kind: "BACKUP_ROUTINES", result: "NEEDS_ACTION" },
    ]);
  });

  it("freezes the evidence with the protocol, so it reads the same after the pings are pruned", async () => {
    const [backup] = await visitCheckProposals(w.db, visit, NOW);
    const record = (kind: RecordCheckInput["kind"], databaseSizeMb: number | null = null) =>
      recordVisitCheck(w.db, w.technician, { visitId: visit.id, kind, result: "OK", databaseSizeMb }, clock, NOW);
    for (const kind of ["DATABASE_REVIEW", "HARDWARE_AND_VERSIONS"] as const) okOf(await record(kind));
    const done = okOf(await completeServiceVisit(w.db, w.technician, { visitId: visit.id }, clock, NOW));
    // Operations prune old pings (operations.md); the completed protocol must not report those nights as missed.
    await w.db.delete(monitoringPings);
    const doc = await protocolDocument(w.db, done, agreement, new Date("2027-06-01T08:00:00Z"));
    expect(doc.backup!.sentence).toBe(backup!.note);
    expect(doc.backup!.points.at(-1)).toEqual({ visitedOn: "2027-03-01", sizeMb: 538 });
    const corrected = okOf(
      await correctVisitProtocol(
        w.db,
        w.technician,
        {
          visitId: visit.id,
          reason: "Stavfel i anteckningen.",
          checks: [{ kind: "ROUTINES", result: "OK", note: "Rättad." }],
        },
        clock,
      ),
    );
    expect(corrected.version).toBe(2);
    const after = await protocolDocument(w.db, { ...done, version: done.version + 1 }, agreement);
    expect(after.backup!.sentence).toBe(backup!.note);
  });

  it("proposes nothing for a property without backup checks, nor for a completed visit", async () => {
    const elsewhere = { ...visit, propertyId: "00000000-0000-4000-8000-000000000000" };
    expect(await visitBackupEvidence(w.db, elsewhere, NOW)).toBeNull();
    expect(await visitCheckProposals(w.db, elsewhere, NOW)).toEqual([]);
    expect(await visitCheckProposals(w.db, { ...visit, completedAt: NOW }, NOW)).toEqual([]);
  });
});
