import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { emailOutbox, serviceVisits, users } from "../../db/schema/index.js";
import { freshDatabase, okOf } from "../../test-support.js";
import { recordVisitCheck } from "./visit-checks.js";
import { sendVisitProtocol } from "./visit-mail.js";
import { completeServiceVisit, correctVisitProtocol, protocolVersionsOf } from "./visit-protocol.js";
import { deliverDueProtocols } from "./visit-protocol-delivery.js";
import { signVisitProtocol } from "./visit-signature.js";
import { at, clock, day, visitWorld } from "./visit.fixture.js";
import { scheduleServiceVisit } from "./visit.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(async () => database.close());

let nextDay = 10;
async function completedVisit(signed: boolean) {
  const a = await w.agreement();
  const v = okOf(
    await scheduleServiceVisit(
      w.db,
      w.seller,
      {
        agreementId: a.id,
        propertyId: w.propertyId,
        technicianId: w.technician.userId,
        scheduledAt: at(day(nextDay++)),
      },
      clock,
    ),
  );
  for (const kind of [
    "DATABASE_REVIEW",
    "ROUTINES",
    "HARDWARE_AND_VERSIONS",
    "BACKUP_ROUTINES",
    "DATABASE_SIZE",
  ] as const)
    okOf(
      await recordVisitCheck(
        w.db,
        w.technician,
        { visitId: v.id, kind, result: "OK", note: "", databaseSizeMb: kind === "DATABASE_SIZE" ? 800 : null },
        clock,
      ),
    );
  okOf(
    await completeServiceVisit(
      w.db,
      w.technician,
      { visitId: v.id, signature: signed ? { signedByName: "Karin Åström", imageDataUrl: PNG } : null },
      clock,
    ),
  );
  return { visit: v, number: a.number };
}

/** The protocol mails of one agreement in the outbox, as (to, subject, body). */
async function mailsOf(number: string) {
  const rows = await w.db
    .select()
    .from(emailOutbox)
    .where(like(emailOutbox.subject, `%${number}%`));
  return rows
    .filter((m) => /protokoll|protocol/i.test(m.subject))
    .map((m) => ({ to: m.toAddress, subject: m.subject, body: m.body }))
    .sort((x, y) => x.to.localeCompare(y.to));
}

describe("a completed protocol is mailed by itself, once (decision 0080)", () => {
  it("SIGNED: mails a signed protocol to the customer's admin and the partner once, even with two passes at once", async () => {
    const { visit, number } = await completedVisit(true);
    await Promise.all([deliverDueProtocols(w.db, "SIGNED"), deliverDueProtocols(w.db, "SIGNED")]);
    await deliverDueProtocols(w.db, "SIGNED");
    const mails = await mailsOf(number);
    expect(mails.map((m) => m.to)).toEqual(["karin@owner.example", "petra@partner.example"]);
    const [row] = await w.db.select().from(serviceVisits).where(eq(serviceVisits.id, visit.id));
    expect(row!.protocolSentVersion).toBe(1);
    expect(row!.protocolSentAt).toBeInstanceOf(Date);
  });

  it("SIGNED: waits for the signature, then mails on the next pass", async () => {
    const { visit, number } = await completedVisit(false);
    await deliverDueProtocols(w.db, "SIGNED");
    expect(await mailsOf(number)).toEqual([]);
    okOf(
      await signVisitProtocol(
        w.db,
        w.technician,
        { visitId: visit.id, signedByName: "Karin", imageDataUrl: PNG },
        clock,
      ),
    );
    await deliverDueProtocols(w.db, "SIGNED");
    expect((await mailsOf(number)).length).toBe(2);
  });

  it("REVIEW: a signed protocol waits for the technician's send; after it nothing is mailed twice", async () => {
    const { visit, number } = await completedVisit(true);
    await deliverDueProtocols(w.db, "REVIEW");
    expect(await mailsOf(number)).toEqual([]);
    okOf(await sendVisitProtocol(w.db, w.technician, { visitId: visit.id }, clock));
    await deliverDueProtocols(w.db, "REVIEW");
    expect((await mailsOf(number)).length).toBe(2);
  });
});

describe("a correction of a mailed protocol is a new version, mailed with what changed", () => {
  it("keeps version 1, mails version 2 to the same readers, each in their language, listing the changed check", async () => {
    const { visit, number } = await completedVisit(true);
    await deliverDueProtocols(w.db, "REVIEW");
    okOf(await sendVisitProtocol(w.db, w.technician, { visitId: visit.id }, clock));
    await w.db.update(users).set({ language: "EN" }).where(eq(users.email, "petra@partner.example"));
    try {
      okOf(
        await correctVisitProtocol(
          w.db,
          w.technician,
          {
            visitId: visit.id,
            reason: "Backupen hade misslyckats, det syntes först i loggen efteråt.",
            checks: [{ kind: "BACKUP_ROUTINES", result: "NEEDS_ACTION", note: "Två misslyckade nätter." }],
          },
          clock,
        ),
      );
      expect((await protocolVersionsOf(w.db, visit.id)).map((v) => v.version)).toEqual([2, 1]);
      await deliverDueProtocols(w.db, "REVIEW");
      await deliverDueProtocols(w.db, "REVIEW");
      const corrected = (await mailsOf(number)).filter((m) => /version 2/.test(m.subject));
      expect(corrected.map((m) => m.to)).toEqual(["karin@owner.example", "petra@partner.example"]);
      const [sv, en] = corrected;
      expect(sv!.subject).toContain("Rättat protokoll (version 2)");
      expect(sv!.body).toContain("Skäl: Backupen hade misslyckats");
      expect(sv!.body).toContain("- Kontroll av backuprutiner, resultat: OK → Behöver åtgärdas");
      expect(sv!.body).toContain('- Kontroll av backuprutiner, anteckning: (tomt) → "Två misslyckade nätter."');
      expect(sv!.body).not.toContain("Genomgång av databasen");
      expect(en!.subject).toContain("Corrected protocol (version 2)");
      expect(en!.body).toMatch(/- .*backup.*, result: OK → Needs action/i);
    } finally {
      await w.db.update(users).set({ language: "SV" }).where(eq(users.email, "petra@partner.example"));
    }
  });

  it("does not mail a correction of a protocol nobody has received yet", async () => {
    const { visit, number } = await completedVisit(false);
    okOf(
      await correctVisitProtocol(
        w.db,
        w.technician,
        { visitId: visit.id, reason: "Fel anteckning.", checks: [{ kind: "ROUTINES", result: "OK", note: "Rättad." }] },
        clock,
      ),
    );
    await deliverDueProtocols(w.db, "SIGNED");
    await deliverDueProtocols(w.db, "REVIEW");
    expect(await mailsOf(number)).toEqual([]);
  });

  it("a protocol that cannot be mailed does not hold back the ones behind it, however many wait", async () => {
    const stuck = await completedVisit(true);
    const ready = await completedVisit(true);
    // The first cannot go: the one it is sent in the name of (who completed it) may no longer see the visit.
    const [gone] = await w.db
      .insert(users)
      .values({
        organisationId: w.technician.organisationId,
        role: "SELLER",
        name: "Now a seller",
        email: "moved-on@vendor.test",
        passwordHash: "-",
      })
      .returning();
    await w.db.update(serviceVisits).set({ completedById: gone!.id }).where(eq(serviceVisits.id, stuck.visit.id));
    expect(await deliverDueProtocols(w.db, "SIGNED", undefined, 1)).toBe(1);
    expect(await mailsOf(ready.number)).not.toEqual([]);
    expect(await mailsOf(stuck.number)).toEqual([]);
  });
});
