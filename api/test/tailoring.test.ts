import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
let seller: string;
let karin: string;
let planId: string;
let tailoringId: string;
let itemIds: string[];

const PLAN = `query($id: ID!) { node(id: $id) { ... on ActionPlan { version items { id title position } } } }`;

beforeAll(async () => {
  api = await startTestApi();
  seller = await api.login("sara.saljare@aptus.demo");
  karin = await api.login("karin@vastkustfast.demo");
  const list = await api.gql(
    `{ agreements(filter: { status: [ACTIVE] }) { edges { node { id customer { name } tailoring { id } } } } }`,
    {},
    karin,
  );
  const agreement = list.data.agreements.edges.find(
    (e: any) => e.node.customer.name === "Västkustens Fastigheter AB" && !e.node.tailoring,
  ).node;
  const req = await api.gql(
    `mutation($id: ID!) { requestTailoring(input: { agreementId: $id, message: "Gärna en genomgång" }) { tailoring { id currentStep } userErrors { code } } }`,
    { id: agreement.id },
    karin,
  );
  tailoringId = req.data.requestTailoring.tailoring.id;
  const review = await api.gql(
    `mutation($id: ID!) { recordSystemReview(input: { tailoringId: $id, meetingOn: "2027-01-10", attendees: ["Sara", "Karin"], findings: [{ area: BACKUPS, finding: "Ingen extern backup" }] }) { tailoring { currentStep actionPlan { id } } userErrors { code } } }`,
    { id: tailoringId },
    seller,
  );
  expect(review.data.recordSystemReview.tailoring.currentStep).toBe("ACTION_PLAN");
  planId = review.data.recordSystemReview.tailoring.actionPlan.id;
  itemIds = [];
  for (const title of ["A", "B", "C", "D", "E", "F"]) {
    const r = await api.gql(
      `mutation($p: ID!, $t: String!) { addActionItem(input: { actionPlanId: $p, title: $t, owner: VENDOR }) { actionItem { id } userErrors { code } } }`,
      { p: planId, t: title },
      seller,
    );
    itemIds.push(r.data.addActionItem.actionItem.id);
  }
});
afterAll(() => api?.close());

const PRIORITISE = `mutation($i: PrioritiseActionPlanInput!) { prioritiseActionPlan(input: $i) { actionPlan { version } userErrors { code } } }`;

describe("two people reorder the plan at once", () => {
  it("one wins, the other gets STALE_VERSION, and the final order is one of the two, never a mix", async () => {
    const { version } = (await api.gql(PLAN, { id: planId }, seller)).data.node;
    const sellersOrder = [...itemIds].reverse();
    const customersOrder = [itemIds[2], itemIds[0], itemIds[4], itemIds[1], itemIds[5], itemIds[3]];
    const [s, c] = await Promise.all([
      api.gql(PRIORITISE, { i: { actionPlanId: planId, itemIds: sellersOrder, expectedVersion: version } }, seller),
      api.gql(PRIORITISE, { i: { actionPlanId: planId, itemIds: customersOrder, expectedVersion: version } }, karin),
    ]);
    const outcomes = [s, c].map((r) => r.data.prioritiseActionPlan.userErrors[0]?.code ?? "OK").sort();
    expect(outcomes).toEqual(["OK", "STALE_VERSION"]);
    const final = (await api.gql(PLAN, { id: planId }, seller)).data.node.items.map((i: any) => i.id);
    const winner = s.data.prioritiseActionPlan.userErrors.length === 0 ? sellersOrder : customersOrder;
    expect(final).toEqual(winner);
  });

  it("repeated races never mix the order", async () => {
    for (let round = 0; round < 5; round++) {
      const { version } = (await api.gql(PLAN, { id: planId }, seller)).data.node;
      const one = [...itemIds].sort(() => Math.random() - 0.5);
      const two = [...itemIds].sort(() => Math.random() - 0.5);
      await Promise.all([
        api.gql(PRIORITISE, { i: { actionPlanId: planId, itemIds: one, expectedVersion: version } }, seller),
        api.gql(PRIORITISE, { i: { actionPlanId: planId, itemIds: two, expectedVersion: version } }, karin),
      ]);
      const final = (await api.gql(PLAN, { id: planId }, seller)).data.node.items.map((i: any) => i.id);
      expect([JSON.stringify(one), JSON.stringify(two)]).toContain(JSON.stringify(final));
    }
  });
});

describe("the rest of the flow over HTTP", () => {
  it("the customer confirms, both agree the end date, the seller sees who confirmed when, and the visit is proposed", async () => {
    const { version } = (await api.gql(PLAN, { id: planId }, seller)).data.node;
    const confirmed = await api.gql(
      `mutation($p: ID!, $v: Int) { confirmPriorities(input: { actionPlanId: $p, expectedVersion: $v }) { actionPlan { prioritiesConfirmedAt } userErrors { code } } }`,
      { p: planId, v: version },
      karin,
    );
    expect(confirmed.data.confirmPriorities.userErrors).toEqual([]);
    const bySeller = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on ActionPlan { prioritiesConfirmedAt prioritiesConfirmedBy { name } } } }`,
      { id: planId },
      seller,
    );
    expect(bySeller.data.node.prioritiesConfirmedBy.name).toBe("Karin Fastighetschef");

    const AGREE = `mutation($p: ID!, $d: Date!) { agreeEndDate(input: { actionPlanId: $p, endOn: $d }) { actionPlan { endOn proposedEndOn proposedServiceVisitOn } userErrors { code } } }`;
    const endOn = (
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on Tailoring { agreement { endsOn } } } }`,
        { id: tailoringId },
        seller,
      )
    ).data.node.agreement.endsOn;
    await api.gql(AGREE, { p: planId, d: endOn }, seller);
    const done = await api.gql(AGREE, { p: planId, d: endOn }, karin);
    expect(done.data.agreeEndDate.actionPlan).toEqual({ endOn, proposedEndOn: endOn, proposedServiceVisitOn: endOn });
    const t = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on Tailoring { currentStep steps { step state doneBy { name } } history { action actor { name } } } } }`,
      { id: tailoringId },
      seller,
    );
    expect(t.data.node.currentStep).toBe("DONE");
    expect(t.data.node.steps.every((s: any) => s.state === "DONE" && s.doneBy)).toBe(true);
    expect(t.data.node.history[0]).toEqual({ action: "requested", actor: { name: "Karin Fastighetschef" } });
  });

  it("a partner cannot act on the plan, and another customer cannot see it", async () => {
    const petra = await api.login("petra@nordsak.demo");
    const r = await api.gql(
      `mutation($p: ID!) { addActionItem(input: { actionPlanId: $p, title: "x", owner: PARTNER }) { actionItem { id } } }`,
      { p: planId },
      petra,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bo = await api.login("bo@brflinne.demo");
    expect((await api.gql(PLAN, { id: planId }, bo)).data.node).toBeNull();
  });
});
