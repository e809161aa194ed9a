import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { addDaysIso } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import * as agreements from "../agreements/agreement.service.js";
import * as parties from "../parties/party.service.js";
import * as actionPlans from "./action-plan.js";
import * as s from "./tailoring.service.js";

/* A partner reports progress on the action items it owns, on agreements it signed, and nothing else. */

let database: Database;
let admin: Viewer;
let partnerStaff: Viewer;
let otherPartner: Viewer;
let customerId: string;
let partnerId: string;

const today = "2027-03-01";
const clock = { today, windowDays: 60 };
const day = (n: number) => addDaysIso(today, n);

async function partnerUser(orgId: string, email: string, role: "PARTNER_ADMIN" | "PARTNER_STAFF") {
  const row = okOf(
    await parties.createUser(database.db, admin, {
      organisationId: orgId,
      name: email,
      email,
      role,
      password: "long-enough-password",
    }),
  );
  return viewerAs(admin, { userId: row.id, role, organisationId: orgId, organisationKind: "PARTNER", name: email });
}

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  customerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Stor Ägare AB",
      organisationNumber: "556901-2346",
    }),
  ).id;
  partnerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "PARTNER",
      name: "Lås & Larm AB",
      organisationNumber: "556036-0793",
    }),
  ).id;
  const otherId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "PARTNER",
      name: "Annan Partner AB",
      organisationNumber: "556016-0680",
    }),
  ).id;
  partnerStaff = await partnerUser(partnerId, "tekniker@partner.example", "PARTNER_STAFF");
  otherPartner = await partnerUser(otherId, "admin@annan.example", "PARTNER_ADMIN");
});
afterAll(() => database.close());

async function planWithItems() {
  const propertyId = okOf(
    await parties.createProperty(database.db, admin, {
      customerId,
      name: "Huset",
      streetAddress: "Gatan 1",
      postalCode: "41101",
      city: "Gbg",
      apartments: 300,
    }),
  ).id;
  const draft = okOf(
    await agreements.createAgreement(
      database.db,
      admin,
      { customerId, partnerId, tier: "PLUS_500", propertyIds: [propertyId], startsOn: day(-30), endsOn: day(335) },
      clock,
    ),
  );
  const a = okOf(await agreements.activateAgreement(database.db, admin, { agreementId: draft.id }, clock));
  const t = okOf(await s.requestTailoring(database.db, admin, { agreementId: a.id }, clock));
  okOf(
    await s.recordSystemReview(
      database.db,
      admin,
      { tailoringId: t.id, meetingOn: day(1), attendees: ["Sara"], findings: [] },
      clock,
    ),
  );
  const plan = (await s.planOf(database.db, t.id))!;
  const partnerItem = okOf(
    await actionPlans.addActionItem(
      database.db,
      admin,
      { actionPlanId: plan.id, title: "Byt kortläsare", owner: "PARTNER" },
      clock,
    ),
  );
  const vendorItem = okOf(
    await actionPlans.addActionItem(
      database.db,
      admin,
      { actionPlanId: plan.id, title: "Uppgradera servern", owner: "VENDOR" },
      clock,
    ),
  );
  return { partnerItem, vendorItem };
}

describe("a partner's progress on the action items it owns", () => {
  it("partner staff mark an item the partner owns as done", async () => {
    const { partnerItem } = await planWithItems();
    const done = okOf(
      await actionPlans.updateActionItem(
        database.db,
        partnerStaff,
        { actionItemId: partnerItem.id, status: "DONE" },
        clock,
      ),
    );
    expect(done.status).toBe("DONE");
  });

  it("cannot touch an item the vendor or customer owns", async () => {
    const { vendorItem } = await planWithItems();
    expect(
      codeOf(
        await actionPlans.updateActionItem(
          database.db,
          partnerStaff,
          { actionItemId: vendorItem.id, status: "DONE" },
          clock,
        ),
      ),
    ).toBe("NOT_ITEM_OWNER");
  });

  it("reports progress only: the content stays the plan writers'", async () => {
    const { partnerItem } = await planWithItems();
    expect(
      codeOf(
        await actionPlans.updateActionItem(
          database.db,
          partnerStaff,
          { actionItemId: partnerItem.id, title: "Något annat" },
          clock,
        ),
      ),
    ).toBe("NOT_ITEM_OWNER");
  });

  it("another partner does not even see the item", async () => {
    const { partnerItem } = await planWithItems();
    expect(
      codeOf(
        await actionPlans.updateActionItem(
          database.db,
          otherPartner,
          { actionItemId: partnerItem.id, status: "DONE" },
          clock,
        ),
      ),
    ).toBe("NOT_FOUND");
  });

  it("a customer member still cannot", async () => {
    const { partnerItem } = await planWithItems();
    const member = viewerAs(admin, {
      role: "CUSTOMER_MEMBER",
      organisationId: customerId,
      organisationKind: "CUSTOMER",
    });
    await expect(
      actionPlans.updateActionItem(database.db, member, { actionItemId: partnerItem.id, status: "DONE" }, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
