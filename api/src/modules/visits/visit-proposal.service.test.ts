import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUserLanguage } from "../parties/index.js";
import type { Database } from "../../db/client.js";
import { emailAttachments, emailOutbox, visitTimeProposals } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { cancelServiceVisit } from "./visit-cancellation.js";
import { answerVisitTimes, proposeVisitTimes, visitTimesByLink } from "./visit-proposal.service.js";
import { at, clock, day, visitWorld } from "./visit.fixture.js";
import { rescheduleServiceVisit } from "./visit.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
});
afterAll(() => database.close());

const now = at(day(0), "08:00:00Z");
const settings = { now, portalUrl: "https://portal.example" };

async function propose(times = [at(day(20)), at(day(21)), at(day(22))]) {
  const a = await w.agreement();
  const p = okOf(
    await proposeVisitTimes(
      w.db,
      w.seller,
      { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId, times },
      clock,
      settings,
    ),
  );
  return { a, p };
}

async function mailsTo(to: string, number: string) {
  return database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), like(emailOutbox.subject, `%${number}%`)))
    .orderBy(emailOutbox.createdAt);
}

/** The answer link in the customer admin's mail, as the portal would open it. */
async function tokenFor(number: string) {
  const [mail] = (await mailsTo("karin@owner.example", number)).filter((m) => m.subject.startsWith("Välj tid"));
  return /\/visit-times\/(\S+)/.exec(mail!.body)![1]!;
}

async function icsLines(mailId: string) {
  const [ics] = await database.db.select().from(emailAttachments).where(eq(emailAttachments.emailId, mailId));
  return ics!.content
    .toString("utf8")
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n");
}
const field = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

describe("proposing visit times", () => {
  it("takes one to three different times ahead, each bookable", async () => {
    const a = await w.agreement();
    const base = { agreementId: a.id, propertyId: w.propertyId, technicianId: w.technician.userId };
    const p = (times: Date[]) => proposeVisitTimes(w.db, w.seller, { ...base, times }, clock, settings);
    expect(codeOf(await p([]))).toBe("INVALID_TIMES");
    expect(codeOf(await p([at(day(10)), at(day(11)), at(day(12)), at(day(13))]))).toBe("INVALID_TIMES");
    expect(codeOf(await p([at(day(10)), at(day(10))]))).toBe("INVALID_TIMES");
    expect(codeOf(await p([at(day(-1))]))).toBe("TIME_IN_PAST");
    const outside = await p([at(day(10)), at(day(900))]);
    expect(codeOf(outside)).toBe("OUTSIDE_AGREEMENT_PERIOD");
    expect("errors" in outside && outside.errors[0]!.field).toEqual(["input", "times"]);
    await expect(
      proposeVisitTimes(w.db, w.customerAdmin, { ...base, times: [at(day(10))] }, clock, settings),
    ).rejects.toThrow("not allowed");
  });

  it("mails the customer's admin the times with a link that opens without log-in", async () => {
    const { a, p } = await propose();
    const [mail] = (await mailsTo("karin@owner.example", a.number)).filter((m) => m.subject.startsWith("Välj tid"));
    expect(mail!.body).toContain(`${day(20)} kl. 08:30`);
    const opened = okOf(await visitTimesByLink(w.db, await tokenFor(a.number), clock, now));
    expect(opened.proposal.id).toBe(p.id);
  });
});

describe("the answer link", () => {
  it("books the chosen time once; the same link again is LINK_USED and books nothing more", async () => {
    const { a, p } = await propose();
    const token = await tokenFor(a.number);
    const r = okOf(await answerVisitTimes(w.db, { token }, { accept: at(day(21)) }, clock, now));
    expect(r.proposal.status).toBe("ACCEPTED");
    expect(r.visit!.scheduledAt).toEqual(at(day(21)));
    expect(r.visit!.bookedById).toBe(w.customerAdmin.userId);
    expect(codeOf(await answerVisitTimes(w.db, { token }, { accept: at(day(22)) }, clock, now))).toBe("LINK_USED");
    expect(codeOf(await visitTimesByLink(w.db, token, clock, now))).toBe("LINK_USED");
    const [row] = await database.db.select().from(visitTimeProposals).where(eq(visitTimeProposals.id, p.id));
    expect(row!.visitId).toBe(r.visit!.id);
  });

  it("refuses a tampered link as LINK_INVALID and an expired one as LINK_EXPIRED", async () => {
    const { a } = await propose();
    const token = await tokenFor(a.number);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(codeOf(await answerVisitTimes(w.db, { token: tampered }, { accept: at(day(20)) }, clock, now))).toBe(
      "LINK_INVALID",
    );
    const later = at(day(15));
    expect(codeOf(await answerVisitTimes(w.db, { token }, { accept: at(day(20)) }, clock, later))).toBe("LINK_EXPIRED");
    expect(codeOf(await answerVisitTimes(w.db, { token }, { accept: at(day(25)) }, clock, now))).toBe(
      "TIME_NOT_PROPOSED",
    );
  });

  it("asks for other times: the proposer is mailed the customer's words and the proposal is closed", async () => {
    const { a, p } = await propose();
    const token = await tokenFor(a.number);
    const r = okOf(await answerVisitTimes(w.db, { token }, { otherTimes: "Vecka 14 passar bättre." }, clock, now));
    expect([r.proposal.status, r.visit]).toEqual(["OTHER_TIMES_REQUESTED", null]);
    const [asked] = await mailsTo("sara@vendor.example", a.number);
    expect(asked!.body).toContain("Vecka 14 passar bättre.");
    const portal = await answerVisitTimes(
      w.db,
      { viewer: w.customerAdmin, proposalId: p.id },
      { accept: at(day(20)) },
      clock,
      now,
    );
    expect(codeOf(portal)).toBe("PROPOSAL_ANSWERED");
  });
});

/** Staff call the visit off at the version they read, as the visit page does. */
const callOff = (visitId: string, expectedVersion: number) =>
  cancelServiceVisit(w.db, w.seller, { visitId, reason: "Byggstart", expectedVersion }, clock, now);

describe("the calendar event over booking, moving and cancelling", () => {
  it("keeps one UID with SEQUENCE 0, 1, 2 and METHOD REQUEST, REQUEST, CANCEL", async () => {
    const { a, p } = await propose([at(day(30))]);
    const accepted = okOf(
      await answerVisitTimes(w.db, { viewer: w.customerAdmin, proposalId: p.id }, { accept: at(day(30)) }, clock, now),
    );
    const visitId = accepted.visit!.id;
    const moved = okOf(
      await rescheduleServiceVisit(
        w.db,
        w.seller,
        { visitId, scheduledAt: at(day(31)), reason: "Sjukdom", expectedVersion: accepted.visit!.version },
        clock,
        at(day(0)),
      ),
    );
    expect(codeOf(await callOff(visitId, 1))).toBe("STALE_VERSION");
    okOf(await callOff(visitId, moved.version));
    const mails = (await mailsTo("karin@owner.example", a.number)).filter((m) => !m.subject.startsWith("Välj tid"));
    expect(mails.map((m) => m.subject.split(":")[0])).toEqual(["Bokat", "Flyttat", "Inställt"]);
    const events = await Promise.all(mails.map((m) => icsLines(m.id)));
    expect(events.map((l) => field(l, "METHOD"))).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect(events.map((l) => Number(field(l, "SEQUENCE") ?? 0))).toEqual([0, 1, 2]);
    expect(new Set(events.map((l) => field(l, "UID")))).toEqual(new Set([`service-visit-${visitId}@trygg`]));
    expect(field(events[1]!, "DTSTART")).toBe(at(day(31)).toISOString().replace(/[-:]/g, "").replace(".000", ""));
    // The technician's calendar is told too.
    expect((await mailsTo("tomas@vendor.example", a.number)).map((m) => m.subject.split(":")[0])).toEqual([
      "Bokat",
      "Flyttat",
      "Inställt",
    ]);
  });

  it("words each attendee's booking, move and cancellation, .ics included, in their own language", async () => {
    await w.db.transaction((tx) => setUserLanguage(tx, w.technician.userId, "EN"));
    try {
      const { a, p } = await propose([at(day(40))]);
      const accepted = okOf(
        await answerVisitTimes(
          w.db,
          { viewer: w.customerAdmin, proposalId: p.id },
          { accept: at(day(40)) },
          clock,
          now,
        ),
      ).visit!;
      const visitId = accepted.id;
      const moved = okOf(
        await rescheduleServiceVisit(
          w.db,
          w.seller,
          { visitId, scheduledAt: at(day(41)), reason: "Sjukdom", expectedVersion: accepted.version },
          clock,
          now,
        ),
      );
      okOf(await callOff(visitId, moved.version));
      const english = await mailsTo("tomas@vendor.example", a.number);
      expect(english.map((m) => m.subject.split(":")[0])).toEqual(["Booked", "Moved", "Cancelled"]);
      expect(english[2]!.body).toContain("is cancelled: Byggstart");
      expect(field(await icsLines(english[2]!.id), "SUMMARY")).toBe(`Support visit ${a.number}`);
      const swedish = (await mailsTo("karin@owner.example", a.number)).filter((m) => !m.subject.startsWith("Välj tid"));
      expect(swedish.map((m) => m.subject.split(":")[0])).toEqual(["Bokat", "Flyttat", "Inställt"]);
      expect(field(await icsLines(swedish[2]!.id), "SUMMARY")).toBe(`Supportbesök ${a.number}`);
    } finally {
      await w.db.transaction((tx) => setUserLanguage(tx, w.technician.userId, "SV"));
    }
  });
});
