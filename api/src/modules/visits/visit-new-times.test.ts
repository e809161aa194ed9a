import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { emailAttachments, emailOutbox, serviceVisits, visitTimeProposals } from "../../db/schema/index.js";
import { toGlobalId } from "../../shared/ids.js";
import { codeOf, freshDatabase, graphqlAs, okOf } from "../../test-support.js";
import { cancelServiceVisit } from "./visit-cancellation.js";
import { proposeNewVisitTimes } from "./visit-new-times.js";
import { answerVisitTimes, proposeVisitTimes } from "./visit-proposal.service.js";
import { at, clock, day, visitWorld } from "./visit.fixture.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

const now = at(day(0), "08:00:00Z");
const settings = { now, portalUrl: "https://portal.example" };

/** A visit booked the ordinary way: one time proposed, accepted in the portal. */
async function bookedVisit(when: Date) {
  const a = await w.agreement();
  const first = okOf(
    await proposeVisitTimes(
      w.db,
      w.seller,
      { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId, times: [when] },
      clock,
      settings,
    ),
  );
  const visit = okOf(
    await answerVisitTimes(w.db, { viewer: w.customerAdmin, proposalId: first.id }, { accept: when }, clock, now),
  ).visit!;
  return { a, visit };
}

async function mailsTo(to: string, number: string) {
  return database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), like(emailOutbox.subject, `%${number}%`)))
    .orderBy(emailOutbox.createdAt);
}

async function icsField(mailId: string, name: string) {
  const [ics] = await database.db.select().from(emailAttachments).where(eq(emailAttachments.emailId, mailId));
  const lines = ics!.content
    .toString("utf8")
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n");
  return lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
}

async function scheduledAt(visitId: string) {
  const [v] = await database.db.select().from(serviceVisits).where(eq(serviceVisits.id, visitId));
  return v!.scheduledAt;
}

/** Staff at the version the visit was read at, as the visit page sends it. */
const offerTimes = (visit: { id: string; version: number }, times: Date[]) =>
  proposeNewVisitTimes(w.db, w.seller, { visitId: visit.id, times, expectedVersion: visit.version }, clock, settings);
const cancelVisit = (visit: { id: string; version: number }, reason: string) =>
  cancelServiceVisit(w.db, w.seller, { visitId: visit.id, reason, expectedVersion: visit.version }, clock, now);

describe("new times for a booked visit", () => {
  it("keeps the booking until the customer answers, then moves the visit with an .ics update of the same event", async () => {
    const { a, visit } = await bookedVisit(at(day(50)));
    const proposal = okOf(
      await proposeNewVisitTimes(
        w.db,
        w.seller,
        {
          visitId: visit.id,
          times: [at(day(53)), at(day(52))],
          note: "Teknikern är sjuk den dagen.",
          expectedVersion: visit.version,
        },
        clock,
        settings,
      ),
    );
    expect(proposal.movesVisitId).toBe(visit.id);
    expect(await scheduledAt(visit.id)).toEqual(at(day(50)));
    // The customer's page says which booking the times would move, and that it stands meanwhile.
    const seen = await graphqlAs<{
      visitTimeProposals: { id: string; bookedAt: Date; movesVisit: { id: string } }[];
    }>(database, w.customerAdmin, `{ visitTimeProposals(open: true) { id bookedAt movesVisit { id } } }`);
    expect(seen.visitTimeProposals.find((p) => p.id === toGlobalId("VisitTimeProposal", proposal.id))).toEqual({
      id: toGlobalId("VisitTimeProposal", proposal.id),
      bookedAt: at(day(50)),
      movesVisit: { id: toGlobalId("ServiceVisit", visit.id) },
    });
    const [offer] = (await mailsTo("karin@owner.example", a.number)).filter((m) => m.subject.startsWith("Välj ny tid"));
    // The booked time, in Swedish time (summer time by then).
    expect(offer!.body).toContain(`bokat ${day(50)} kl. 09:30`);
    expect(offer!.body).toContain("Tills du svarar gäller den bokade tiden");
    const token = /\/visit-times\/(\S+)/.exec(offer!.body)![1]!;

    const answered = okOf(await answerVisitTimes(w.db, { token }, { accept: at(day(53)) }, clock, now));
    expect(answered.proposal.status).toBe("ACCEPTED");
    expect(answered.visit!.id).toBe(visit.id);
    expect(await scheduledAt(visit.id)).toEqual(at(day(53)));
    const events = (await mailsTo("karin@owner.example", a.number)).filter((m) => !m.subject.startsWith("Välj"));
    expect(events.map((m) => m.subject.split(":")[0])).toEqual(["Bokat", "Flyttat"]);
    expect(await Promise.all(events.map((m) => icsField(m.id, "SEQUENCE")))).toEqual(["0", "1"]);
    expect(new Set(await Promise.all(events.map((m) => icsField(m.id, "UID"))))).toEqual(
      new Set([`service-visit-${visit.id}@trygg`]),
    );
  });

  it("leaves the booking as it was when the customer asks for other times", async () => {
    const { a, visit } = await bookedVisit(at(day(60)));
    const proposal = okOf(await offerTimes(visit, [at(day(61))]));
    const r = okOf(
      await answerVisitTimes(
        w.db,
        { viewer: w.customerAdmin, proposalId: proposal.id },
        { otherTimes: "Ingen av dem passar." },
        clock,
        now,
      ),
    );
    expect([r.proposal.status, r.visit]).toEqual(["OTHER_TIMES_REQUESTED", null]);
    expect(await scheduledAt(visit.id)).toEqual(at(day(60)));
    const moved = (await mailsTo("karin@owner.example", a.number)).filter((m) => m.subject.startsWith("Flyttat"));
    expect(moved).toEqual([]);
  });

  it("replaces an open offer for the same visit, and refuses a cancelled visit, a stale version and the customer", async () => {
    const { visit } = await bookedVisit(at(day(70)));
    const older = okOf(await offerTimes(visit, [at(day(71))]));
    okOf(await offerTimes(visit, [at(day(72))]));
    const late = await answerVisitTimes(
      w.db,
      { viewer: w.customerAdmin, proposalId: older.id },
      { accept: at(day(71)) },
      clock,
      now,
    );
    expect(codeOf(late)).toBe("PROPOSAL_ANSWERED");
    const input = { visitId: visit.id, times: [at(day(73))], expectedVersion: visit.version };
    expect(codeOf(await proposeNewVisitTimes(w.db, w.seller, { ...input, expectedVersion: 7 }, clock, settings))).toBe(
      "STALE_VERSION",
    );
    expect(
      codeOf(await proposeNewVisitTimes(w.db, w.seller, { ...input, times: [at(day(900))] }, clock, settings)),
    ).toBe("OUTSIDE_AGREEMENT_PERIOD");
    await expect(proposeNewVisitTimes(w.db, w.customerAdmin, input, clock, settings)).rejects.toThrow("not allowed");
    okOf(await cancelVisit(visit, "Byggstart"));
    expect(codeOf(await proposeNewVisitTimes(w.db, w.seller, input, clock, settings))).toBe("VISIT_CANCELLED");
  });

  it("withdraws an open offer to move a visit when the visit is cancelled, so no one answers an offer for nothing", async () => {
    const { visit } = await bookedVisit(at(day(80)));
    const offer = okOf(await offerTimes(visit, [at(day(81))]));
    okOf(await cancelVisit(visit, "Fastigheten såld"));
    const [row] = await database.db.select().from(visitTimeProposals).where(eq(visitTimeProposals.id, offer.id));
    expect(row!.status).toBe("WITHDRAWN");
    const late = await answerVisitTimes(
      w.db,
      { viewer: w.customerAdmin, proposalId: offer.id },
      { accept: at(day(81)) },
      clock,
      now,
    );
    expect(codeOf(late)).toBe("PROPOSAL_ANSWERED");
  });
});
