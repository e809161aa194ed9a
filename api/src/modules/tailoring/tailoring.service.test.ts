import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";
import { addDaysIso } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import * as agreements from "../agreements/agreement.service.js";
import * as parties from "../parties/party.service.js";
import * as actionPlans from "./action-plan.js";
import * as s from "./tailoring.service.js";
import { listItemsPastEndDate, pastEndDate } from "./items-past-end-date.js";

let database: Database;
let admin: Viewer;
let seller: Viewer;
let customerAdmin: Viewer;
let customerId: string;
let propertyId: string;

const today = "2027-03-01";
const clock = { today, windowDays: 60 };
const day = (n: number) => addDaysIso(today, n);

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  const vendorId = admin.organisationId;
  const sellerRow = okOf(
    await parties.createUser(database.db, admin, {
      organisationId: vendorId,
      name: "Sara Säljare",
      email: "sara@vendor.example",
      role: "SELLER",
      password: "long-enough-password",
    }),
  );
  seller = viewerAs(admin, { userId: sellerRow.id, role: "SELLER", name: "Sara Säljare" });
  customerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Stor Ägare AB",
      organisationNumber: "556901-2346",
    }),
  ).id;
  const custRow = okOf(
    await parties.createUser(database.db, admin, {
      organisationId: customerId,
      name: "Karin",
      email: "karin@owner.example",
      role: "CUSTOMER_ADMIN",
      password: "long-enough-password",
    }),
  );
  customerAdmin = viewerAs(admin, {
    userId: custRow.id,
    role: "CUSTOMER_ADMIN",
    organisationId: customerId,
    organisationKind: "CUSTOMER",
    name: "Karin",
  });
  propertyId = okOf(
    await parties.createProperty(database.db, admin, {
      customerId,
      name: "Huset",
      streetAddress: "Gatan 1",
      postalCode: "41101",
      city: "Gbg",
      apartments: 300,
    }),
  ).id;
});
afterAll(() => database.close());

async function agreement(tier: "PLUS_500" | "BRF" = "PLUS_500") {
  const a = okOf(
    await agreements.createAgreement(
      database.db,
      admin,
      { customerId, sellerId: seller.userId, tier, propertyIds: [propertyId], startsOn: day(-30), endsOn: day(335) },
      clock,
    ),
  );
  return okOf(await agreements.activateAgreement(database.db, admin, { agreementId: a.id }, clock));
}

async function throughReview() {
  const a = await agreement();
  const t = okOf(
    await s.requestTailoring(
      database.db,
      customerAdmin,
      { agreementId: a.id, message: "Vi vill se över backuperna." },
      clock,
    ),
  );
  okOf(
    await s.recordSystemReview(
      database.db,
      seller,
      {
        tailoringId: t.id,
        meetingOn: day(1),
        attendees: ["Sara", "Karin"],
        findings: [{ area: "BACKUPS", finding: "Ingen extern backup." }],
      },
      clock,
    ),
  );
  const plan = (await s.planOf(database.db, t.id))!;
  return { a, t, plan };
}

/** A plan through the first four steps with `titles` in that order, confirmed by the customer. */
async function confirmedPlan(titles: string[]) {
  const { t, plan } = await throughReview();
  const items = [];
  for (const title of titles)
    items.push(
      okOf(
        await actionPlans.addActionItem(database.db, seller, { actionPlanId: plan.id, title, owner: "VENDOR" }, clock),
      ),
    );
  const ordered = okOf(
    await actionPlans.prioritiseActionPlan(
      database.db,
      seller,
      {
        actionPlanId: plan.id,
        itemIds: items.map((i) => i.id),
        expectedVersion: (await s.planOf(database.db, t.id))!.version,
      },
      clock,
    ),
  );
  okOf(
    await actionPlans.confirmPriorities(
      database.db,
      customerAdmin,
      { actionPlanId: plan.id, expectedVersion: ordered.version },
      clock,
    ),
  );
  return { t, plan, items };
}

describe("step 1: contact your seller", () => {
  it("a customer admin asks; the seller gets an e-mail in the outbox; a second request is refused", async () => {
    const a = await agreement();
    const t = okOf(await s.requestTailoring(database.db, customerAdmin, { agreementId: a.id, message: "Hej!" }, clock));
    expect(t.currentStep).toBe("REVIEW");
    const mail = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "sara@vendor.example"));
    expect(mail.at(-1)?.subject).toContain(a.number);
    expect(codeOf(await s.requestTailoring(database.db, customerAdmin, { agreementId: a.id }, clock))).toBe(
      "TAILORING_EXISTS",
    );
  });

  it("a customer member cannot ask", async () => {
    const a = await agreement();
    await expect(
      s.requestTailoring(database.db, { ...customerAdmin, role: "CUSTOMER_MEMBER" }, { agreementId: a.id }, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("steps in order", () => {
  it("cannot skip: items before the review, priorities before items, an end date before confirmation", async () => {
    const a = await agreement();
    const t = okOf(await s.requestTailoring(database.db, seller, { agreementId: a.id }, clock));
    // No plan yet: nothing to add to.
    expect(await s.planOf(database.db, t.id)).toBeNull();
    okOf(
      await s.recordSystemReview(
        database.db,
        seller,
        { tailoringId: t.id, meetingOn: day(1), attendees: ["Sara"], findings: [] },
        clock,
      ),
    );
    expect(
      codeOf(
        await s.recordSystemReview(
          database.db,
          seller,
          { tailoringId: t.id, meetingOn: day(1), attendees: ["Sara"], findings: [] },
          clock,
        ),
      ),
    ).toBe("STEP_OUT_OF_ORDER");
    const plan = (await s.planOf(database.db, t.id))!;
    expect(
      codeOf(
        await actionPlans.prioritiseActionPlan(
          database.db,
          seller,
          { actionPlanId: plan.id, itemIds: [], expectedVersion: plan.version },
          clock,
        ),
      ),
    ).toBe("EMPTY_ACTION_PLAN");
    expect(
      codeOf(await actionPlans.agreeEndDate(database.db, seller, { actionPlanId: plan.id, endOn: day(100) }, clock)),
    ).toBe("STEP_OUT_OF_ORDER");
    expect(
      codeOf(await actionPlans.confirmPriorities(database.db, customerAdmin, { actionPlanId: plan.id }, clock)),
    ).toBe("STEP_OUT_OF_ORDER");
  });

  it("goes through all five steps to DONE and proposes the 500+ visit from the end date", async () => {
    const { a, t, plan } = await throughReview();
    const i1 = okOf(
      await actionPlans.addActionItem(
        database.db,
        seller,
        {
          actionPlanId: plan.id,
          title: "Extern backup",
          why: "Ingen backup utanför huset",
          owner: "VENDOR",
          estimateHours: 4,
          fromFindingArea: "BACKUPS",
        },
        clock,
      ),
    );
    const i2 = okOf(
      await actionPlans.addActionItem(
        database.db,
        customerAdmin,
        { actionPlanId: plan.id, title: "Rutin för nya boende", owner: "CUSTOMER" },
        clock,
      ),
    );
    const before = (await s.planOf(database.db, t.id))!;
    const ordered = okOf(
      await actionPlans.prioritiseActionPlan(
        database.db,
        seller,
        { actionPlanId: plan.id, itemIds: [i2.id, i1.id], expectedVersion: before.version },
        clock,
      ),
    );
    expect((await s.itemsOf(database.db, plan.id)).map((i) => i.title)).toEqual([
      "Rutin för nya boende",
      "Extern backup",
    ]);
    expect(
      codeOf(
        await actionPlans.addActionItem(
          database.db,
          seller,
          { actionPlanId: plan.id, title: "Sent", owner: "VENDOR" },
          clock,
        ),
      ),
    ).toBe("STEP_OUT_OF_ORDER");
    await expect(
      actionPlans.confirmPriorities(database.db, seller, { actionPlanId: plan.id }, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    okOf(
      await actionPlans.confirmPriorities(
        database.db,
        customerAdmin,
        { actionPlanId: plan.id, expectedVersion: ordered.version },
        clock,
      ),
    );
    expect(
      codeOf(await actionPlans.agreeEndDate(database.db, seller, { actionPlanId: plan.id, endOn: day(400) }, clock)),
    ).toBe("OUTSIDE_AGREEMENT_PERIOD");
    const proposed = okOf(
      await actionPlans.agreeEndDate(database.db, seller, { actionPlanId: plan.id, endOn: day(120) }, clock),
    );
    expect(proposed).toMatchObject({ proposedEndOn: day(120), endOn: null });
    const agreed = okOf(
      await actionPlans.agreeEndDate(database.db, customerAdmin, { actionPlanId: plan.id, endOn: day(120) }, clock),
    );
    expect(agreed.endOn).toBe(day(120));
    expect((await s.tailoringOf(database.db, a.id))!.currentStep).toBe("DONE");

    // Progress after DONE: items can still be marked done.
    okOf(
      await actionPlans.updateActionItem(database.db, customerAdmin, { actionItemId: i2.id, status: "DONE" }, clock),
    );
    expect(actionPlans.percentDone(await s.itemsOf(database.db, plan.id))).toBe(50);
    expect((await s.historyOf(database.db, t.id)).at(-1)).toMatchObject({
      action: "itemUpdated",
      details: { title: "Rutin för nya boende", status: "DONE" },
    });
    expect(
      codeOf(
        await actionPlans.updateActionItem(
          database.db,
          customerAdmin,
          { actionItemId: i2.id, title: "Ny titel" },
          clock,
        ),
      ),
    ).toBe("STEP_OUT_OF_ORDER");
    const late = pastEndDate(await s.itemsOf(database.db, plan.id), agreed, day(121));
    expect(late.map((i) => i.title)).toEqual(["Extern backup"]);

    // The same rule across agreements, as the dashboards list it (issue 23), within each viewer's agreements.
    const after = { today: day(121), windowDays: 60 };
    const listed = await listItemsPastEndDate(database.db, seller, { first: 50 }, after);
    expect(
      listed.edges.filter((e) => e.node.agreementId === a.id).map((e) => [e.node.item.title, e.node.endOn]),
    ).toEqual([["Extern backup", day(120)]]);
    const ofCustomer = await listItemsPastEndDate(database.db, customerAdmin, { first: 50 }, after);
    expect(ofCustomer.edges.map((e) => e.node.item.id)).toContain(late[0]!.id);
    const stranger = viewerAs(admin, {
      role: "CUSTOMER_ADMIN",
      organisationId: "00000000-0000-4000-8000-000000000001",
      organisationKind: "CUSTOMER",
    });
    expect((await listItemsPastEndDate(database.db, stranger, { first: 50 }, after)).totalCount).toBe(0);
    const onTheDay = await listItemsPastEndDate(
      database.db,
      seller,
      { first: 50 },
      { today: day(120), windowDays: 60 },
    );
    expect(onTheDay.edges.filter((e) => e.node.agreementId === a.id)).toEqual([]);
  });

  it("a different date from the other party is a new proposal, not an agreement", async () => {
    const { t, plan } = await confirmedPlan(["X"]);
    okOf(await actionPlans.agreeEndDate(database.db, seller, { actionPlanId: plan.id, endOn: day(100) }, clock));
    const counter = okOf(
      await actionPlans.agreeEndDate(database.db, customerAdmin, { actionPlanId: plan.id, endOn: day(90) }, clock),
    );
    expect(counter).toMatchObject({ proposedEndOn: day(90), endOn: null, vendorAgreedById: null });
    expect(
      (await s.tailoringOf(database.db, (await s.findTailoring(database.db, admin, t.id, clock))!.agreement.id))!
        .currentStep,
    ).toBe("END_DATE");
  });
});

describe("prioritising", () => {
  it("answers STALE_VERSION to an order based on an old version, and requires every item exactly once", async () => {
    const { t, plan } = await throughReview();
    const a1 = okOf(
      await actionPlans.addActionItem(
        database.db,
        seller,
        { actionPlanId: plan.id, title: "A", owner: "VENDOR" },
        clock,
      ),
    );
    const b1 = okOf(
      await actionPlans.addActionItem(
        database.db,
        seller,
        { actionPlanId: plan.id, title: "B", owner: "PARTNER" },
        clock,
      ),
    );
    const v = (await s.planOf(database.db, t.id))!.version;
    expect(
      codeOf(
        await actionPlans.prioritiseActionPlan(
          database.db,
          seller,
          { actionPlanId: plan.id, itemIds: [a1.id], expectedVersion: v },
          clock,
        ),
      ),
    ).toBe("ITEMS_MISMATCH");
    expect(
      codeOf(
        await actionPlans.prioritiseActionPlan(
          database.db,
          seller,
          { actionPlanId: plan.id, itemIds: [a1.id, a1.id], expectedVersion: v },
          clock,
        ),
      ),
    ).toBe("ITEMS_MISMATCH");
    okOf(
      await actionPlans.prioritiseActionPlan(
        database.db,
        seller,
        { actionPlanId: plan.id, itemIds: [b1.id, a1.id], expectedVersion: v },
        clock,
      ),
    );
    expect(
      codeOf(
        await actionPlans.prioritiseActionPlan(
          database.db,
          customerAdmin,
          { actionPlanId: plan.id, itemIds: [a1.id, b1.id], expectedVersion: v },
          clock,
        ),
      ),
    ).toBe("STALE_VERSION");
    expect((await s.itemsOf(database.db, plan.id)).map((i) => i.title)).toEqual(["B", "A"]);
  });
});

describe("reopening", () => {
  it("goes back with a reason, marks later steps to redo, and keeps the whole history", async () => {
    const { t, plan } = await confirmedPlan(["X"]);
    expect(
      codeOf(
        await s.reopenTailoringStep(database.db, seller, { tailoringId: t.id, step: "END_DATE", reason: "x" }, clock),
      ),
    ).toBe("STEP_OUT_OF_ORDER");
    await expect(
      s.reopenTailoringStep(database.db, customerAdmin, { tailoringId: t.id, step: "REVIEW", reason: "x" }, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = (await s.historyOf(database.db, t.id)).length;
    const reopened = okOf(
      await s.reopenTailoringStep(
        database.db,
        seller,
        { tailoringId: t.id, step: "REVIEW", reason: "Ny hårdvara installerad" },
        clock,
      ),
    );
    expect(reopened.currentStep).toBe("REVIEW");
    expect(reopened.stepsToRedo).toEqual(["ACTION_PLAN", "PRIORITISATION", "END_DATE"]);
    const history = await s.historyOf(database.db, t.id);
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)).toMatchObject({ action: "stepReopened", step: "REVIEW", reason: "Ny hårdvara installerad" });
    expect(history.map((e) => e.action)).toEqual(
      expect.arrayContaining(["requested", "reviewRecorded", "itemAdded", "prioritised", "prioritiesConfirmed"]),
    );
    const planAfter = (await s.planOf(database.db, t.id))!;
    expect(planAfter).toMatchObject({ prioritiesConfirmedAt: null, prioritisedAt: null });
    expect(await s.itemsOf(database.db, plan.id)).toHaveLength(1);
    okOf(
      await s.recordSystemReview(
        database.db,
        seller,
        { tailoringId: t.id, meetingOn: day(5), attendees: ["Sara"], findings: [] },
        clock,
      ),
    );
    expect((await s.findTailoring(database.db, admin, t.id, clock))!.tailoring.stepsToRedo).toEqual(
      ["ACTION_PLAN", "PRIORITISATION", "END_DATE"].filter((x) => x !== "REVIEW"),
    );
  });
});

describe("the list of items past their plan's end date", () => {
  it("pages on by its cursors: an item done meanwhile moves no other item past the reader", async () => {
    const { plan, items } = await confirmedPlan(["Först", "Sedan", "Sist"]);
    // An end date of its own, so the list's first items are this plan's whatever other tests left.
    for (const v of [seller, customerAdmin])
      okOf(await actionPlans.agreeEndDate(database.db, v, { actionPlanId: plan.id, endOn: day(2) }, clock));
    const later = { today: day(3), windowDays: 60 };
    const first = await listItemsPastEndDate(database.db, seller, { first: 1 }, later);
    expect(first.edges.map((e) => e.node.item.title)).toEqual(["Först"]);
    okOf(
      await actionPlans.updateActionItem(database.db, seller, { actionItemId: items[0]!.id, status: "DONE" }, later),
    );
    const next = await listItemsPastEndDate(database.db, seller, { first: 2, after: first.pageInfo.endCursor }, later);
    expect(next.edges.map((e) => e.node.item.title)).toEqual(["Sedan", "Sist"]);
  });
});
