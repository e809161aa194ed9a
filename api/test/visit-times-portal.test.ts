import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, serviceVisits } from "../src/db/schema/index.js";
import { startTestApi, type TestApi, uuidOf } from "./support.js";

/**
 * The customer's admin answers proposed visit times inside the portal (`answerVisitTimes` with `proposalId`) as well as
 * from the mail's link: one rule, one answer per proposal, and the tenant scope of every read (decision 0079).
 */
let api: TestApi;
let seller: string;
let hanna: string;
let eva: string;
let agreement: { id: string; number: string; properties: { id: string }[] };
let technicianId: string;

const PROPOSE = `mutation($i: ProposeVisitTimesInput!) { proposeVisitTimes(input: $i) {
  visitTimeProposal { id times status } userErrors { code field } } }`;
const ANSWER = `mutation($i: AnswerVisitTimesInput!) { answerVisitTimes(input: $i) {
  visitTimeProposal { id status } serviceVisit { id scheduledAt state } userErrors { code field } } }`;
const BY_LINK = `query($t: String!) { visitTimesByLink(token: $t) { visitTimeProposal { id } userErrors { code } } }`;
const OPEN = `{ visitTimeProposals(open: true) { id agreement { id } } }`;

/** A time `days` ahead at 09:00 UTC: inside the demo agreement's period. */
const ahead = (days: number, hour = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

let nextDay = 30;
/** A fresh proposal of two times for Hisingen; its id and Hanna's link token from the outbox. */
async function propose(): Promise<{ id: string; times: string[]; token: string }> {
  const times = [ahead(nextDay), ahead(nextDay + 1, 13)];
  nextDay += 3;
  const r = await api.gql(
    PROPOSE,
    { i: { agreementId: agreement.id, propertyId: agreement.properties[0]!.id, technicianId, times } },
    seller,
  );
  const p = r.data?.proposeVisitTimes.visitTimeProposal;
  if (!p) throw new Error(JSON.stringify(r));
  const mails = await api.database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, "hanna@hisingen.demo"), like(emailOutbox.subject, "Välj tid%")))
    .orderBy(emailOutbox.createdAt);
  const token = /\/visit-times\/(\S+)/.exec(mails.at(-1)!.body)![1]!;
  return { id: p.id, times: p.times, token };
}

const answer = (input: Record<string, unknown>, token: string | null) => api.gql(ANSWER, { i: input }, token);

beforeAll(async () => {
  api = await startTestApi();
  seller = await api.login("sara.saljare@aptus.demo");
  hanna = await api.login("hanna@hisingen.demo");
  eva = await api.login("eva@alvstranden.demo");
  const list = await api.gql(
    `{ agreements(first: 50) { edges { node { id number status tier { annualVisit } properties { id } } } } }`,
    {},
    hanna,
  );
  agreement = list.data.agreements.edges
    .map((e: any) => e.node)
    .find((a: any) => a.tier.annualVisit && (a.status === "ACTIVE" || a.status === "EXPIRING"));
  const me = await api.gql(`{ viewer { user { id } } }`, {}, await api.login("tomas.tekniker@aptus.demo"));
  technicianId = me.data.viewer.user.id;
});
afterAll(() => api?.close());

describe("answering proposed visit times in the portal", () => {
  it("books the chosen time for the logged-in admin, and the mail's link is then spent (LINK_USED)", async () => {
    const p = await propose();
    const r = await answer({ proposalId: p.id, time: p.times[1] }, hanna);
    expect(r.data.answerVisitTimes.userErrors).toEqual([]);
    expect(r.data.answerVisitTimes.visitTimeProposal.status).toBe("ACCEPTED");
    expect(r.data.answerVisitTimes.serviceVisit).toMatchObject({ scheduledAt: p.times[1], state: "BOOKED" });
    expect((await api.gql(BY_LINK, { t: p.token })).data.visitTimesByLink.userErrors).toEqual([{ code: "LINK_USED" }]);
    const byLink = await answer({ token: p.token, time: p.times[0] }, null);
    expect(byLink.data.answerVisitTimes.userErrors.map((e: any) => e.code)).toEqual(["LINK_USED"]);
    const visits = await api.database.db
      .select()
      .from(serviceVisits)
      .where(eq(serviceVisits.id, uuidOf(r.data.answerVisitTimes.serviceVisit.id)));
    expect(visits).toHaveLength(1);
  });

  it("answered from the link first, refuses the portal's answer as PROPOSAL_ANSWERED and books nothing more", async () => {
    const p = await propose();
    const byLink = await answer({ token: p.token, time: p.times[0] }, null);
    expect(byLink.data.answerVisitTimes.userErrors).toEqual([]);
    const inPortal = await answer({ proposalId: p.id, time: p.times[1] }, hanna);
    expect(inPortal.data.answerVisitTimes).toEqual({
      visitTimeProposal: null,
      serviceVisit: null,
      userErrors: [{ code: "PROPOSAL_ANSWERED", field: ["input", "proposalId"] }],
    });
    expect((await api.gql(OPEN, {}, hanna)).data.visitTimeProposals.map((x: any) => x.id)).not.toContain(p.id);
  });

  it("takes one answer: asking for other times and then accepting is PROPOSAL_ANSWERED", async () => {
    const p = await propose();
    const asked = await answer({ proposalId: p.id, otherTimes: "Helst en fredag." }, hanna);
    expect(asked.data.answerVisitTimes.visitTimeProposal.status).toBe("OTHER_TIMES_REQUESTED");
    const again = await answer({ proposalId: p.id, time: p.times[0] }, hanna);
    expect(again.data.answerVisitTimes.userErrors.map((e: any) => e.code)).toEqual(["PROPOSAL_ANSWERED"]);
    expect((await api.gql(BY_LINK, { t: p.token })).data.visitTimesByLink.userErrors).toEqual([{ code: "LINK_USED" }]);
  });

  it("a proposal replaced by newer times: its link says so (PROPOSAL_ANSWERED) and neither way books it", async () => {
    const old = await propose();
    const newer = await propose();
    expect((await api.gql(BY_LINK, { t: old.token })).data.visitTimesByLink).toEqual({
      visitTimeProposal: null,
      userErrors: [{ code: "PROPOSAL_ANSWERED" }],
    });
    for (const input of [
      { proposalId: old.id, time: old.times[0] },
      { token: old.token, time: old.times[0] },
    ]) {
      const r = await answer(input, input.token ? null : hanna);
      expect(r.data.answerVisitTimes.userErrors.map((e: any) => e.code)).toEqual(["PROPOSAL_ANSWERED"]);
    }
    expect((await api.gql(OPEN, {}, hanna)).data.visitTimeProposals.map((x: any) => x.id)).toContain(newer.id);
    // Closes the newer one too, so the tests after this start from no open proposal.
    await answer({ proposalId: newer.id, otherTimes: "Vi återkommer." }, hanna);
  });

  it("refuses a time that was not proposed, and one given with otherTimes, without closing the proposal", async () => {
    const p = await propose();
    const wrong = await answer({ proposalId: p.id, time: ahead(nextDay + 40) }, hanna);
    expect(wrong.data.answerVisitTimes.userErrors.map((e: any) => e.code)).toEqual(["TIME_NOT_PROPOSED"]);
    const both = await answer({ proposalId: p.id, time: p.times[0], otherTimes: "x" }, hanna);
    expect(both.data.answerVisitTimes.userErrors.map((e: any) => e.code)).toEqual(["INVALID_INPUT"]);
    expect((await api.gql(OPEN, {}, hanna)).data.visitTimeProposals.map((x: any) => x.id)).toContain(p.id);
    await answer({ proposalId: p.id, otherTimes: "Vi återkommer." }, hanna);
  });
});

describe("proposing times through the API", () => {
  it("answers no times or four as the guide's INVALID_TIMES userError, not a bare argument error", async () => {
    const base = { agreementId: agreement.id, propertyId: agreement.properties[0]!.id, technicianId };
    for (const times of [[], [ahead(60), ahead(61), ahead(62), ahead(63)]]) {
      const r = await api.gql(PROPOSE, { i: { ...base, times } }, seller);
      expect([times.length, r.errors, r.data?.proposeVisitTimes.userErrors]).toEqual([
        times.length,
        undefined,
        [{ code: "INVALID_TIMES", field: ["input", "times"] }],
      ]);
    }
  });
});

describe("the tenant scope of answers in the portal", () => {
  it("another customer's admin gets NOT_FOUND exactly as for a proposal that does not exist, and nothing changes", async () => {
    const p = await propose();
    expect((await api.gql(OPEN, {}, eva)).data.visitTimeProposals.map((x: any) => x.id)).not.toContain(p.id);
    const theirs = await answer({ proposalId: p.id, time: p.times[0] }, eva);
    const missing = await answer(
      {
        proposalId: Buffer.from("VisitTimeProposal:00000000-0000-4000-8000-000000000000").toString("base64url"),
        time: p.times[0],
      },
      eva,
    );
    expect(theirs.data.answerVisitTimes).toEqual(missing.data.answerVisitTimes);
    expect(theirs.data.answerVisitTimes.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "proposalId"] }]);
    expect((await api.gql(BY_LINK, { t: p.token })).data.visitTimesByLink.userErrors).toEqual([]);
  });

  it("staff cannot answer for the customer (FORBIDDEN), and without log-in a proposalId is UNAUTHENTICATED", async () => {
    const p = await propose();
    const staff = await answer({ proposalId: p.id, time: p.times[0] }, seller);
    expect(staff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await answer({ proposalId: p.id, time: p.times[0] }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.gql(BY_LINK, { t: p.token })).data.visitTimesByLink.userErrors).toEqual([]);
    await answer({ proposalId: p.id, otherTimes: "Vi återkommer." }, hanna);
  });
});
