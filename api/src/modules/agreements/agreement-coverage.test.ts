import { count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreementProperties, agreements, auditEvents, emailOutbox, serviceVisits } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import * as parties from "../parties/party.service.js";
import { agreementWorld, clock, type AgreementWorld } from "./agreement.fixture.js";
import { changeAgreementCoverage, previewAgreementCoverage } from "./agreement-coverage.js";
import { changeAgreementParties } from "./agreement-parties-change.js";

let database: Database;
let w: AgreementWorld;
let secondPropertyId: string;
let seller: Viewer;
let otherSeller: Viewer;
let partnerId: string;

const PASSWORD = "Kanelbulle-Fika-2027!";

beforeAll(async () => {
  database = await freshDatabase();
  w = await agreementWorld(database);
  secondPropertyId = okOf(
    await parties.createProperty(database.db, w.admin, {
      customerId: w.customerId,
      name: "Andra huset",
      streetAddress: "Gatan 3",
      postalCode: "41101",
      city: "Gbg",
      apartments: 12,
    }),
  ).id;
  const sellerOf = async (name: string, email: string) => {
    const u = okOf(
      await parties.createUser(database.db, w.admin, {
        organisationId: w.admin.organisationId,
        role: "SELLER",
        name,
        email,
        password: PASSWORD,
      }),
    );
    return viewerAs(w.admin, { userId: u.id, role: "SELLER" });
  };
  seller = await sellerOf("Sara Säljare", "sara@vendor.test");
  otherSeller = await sellerOf("Olle Säljare", "olle@vendor.test");
  partnerId = okOf(
    await parties.createOrganisation(database.db, w.admin, {
      kind: "PARTNER",
      name: "Lås & Larm AB",
      organisationNumber: "556016-0680",
    }),
  ).id;
});
afterAll(() => database.close());

/** Every row a coverage change could write. */
async function snapshot() {
  const db = database.db;
  return {
    agreements: await db.select().from(agreements).orderBy(agreements.id),
    covered: await db.select().from(agreementProperties).orderBy(agreementProperties.propertyId),
    visits: await db.select().from(serviceVisits).orderBy(serviceVisits.id),
    audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
    mail: (await db.select({ n: count() }).from(emailOutbox))[0]!.n,
  };
}

async function lastAudit(action: string) {
  const [row] = await database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.occurredAt));
  return row!;
}

const bothProperties = () => w.agreement({ tier: "PLUS_500", propertyIds: [w.propertyId, secondPropertyId] });

describe("changeAgreementCoverage", () => {
  it("refuses a stale version with STALE_VERSION and writes nothing", async () => {
    const a = await bothProperties();
    const before = await snapshot();
    const r = await changeAgreementCoverage(
      database.db,
      w.admin,
      { agreementId: a.id, expectedVersion: a.version - 1, addPropertyIds: [], removePropertyIds: [secondPropertyId] },
      clock,
    );
    expect(codeOf(r)).toBe("STALE_VERSION");
    expect(await snapshot()).toEqual(before);
  });

  it("answers another seller's agreement exactly like a missing one, in the preview and the change", async () => {
    const a = await w.agreement({ sellerId: seller.userId, propertyIds: [w.propertyId, secondPropertyId] });
    const change = { agreementId: a.id, addPropertyIds: [], removePropertyIds: [secondPropertyId] };
    const missing = { ...change, agreementId: "00000000-0000-4000-8000-000000000000" };
    const before = await snapshot();
    for (const input of [change, missing]) {
      expect(await previewAgreementCoverage(database.db, otherSeller, input, clock)).toEqual(
        await previewAgreementCoverage(database.db, w.admin, missing, clock),
      );
      expect(
        await changeAgreementCoverage(database.db, otherSeller, { ...input, expectedVersion: a.version }, clock),
      ).toEqual({ errors: [{ code: "NOT_FOUND", message: "No such agreement.", field: ["input", "agreementId"] }] });
    }
    expect(await snapshot()).toEqual(before);
    // The seller named on it may.
    expect(
      codeOf(await changeAgreementCoverage(database.db, seller, { ...change, expectedVersion: a.version }, clock)),
    ).toBeUndefined();
  });

  it("refuses to remove the last property (NO_PROPERTIES) and to add another customer's (PROPERTY_NOT_OF_CUSTOMER)", async () => {
    const a = await w.agreement();
    const before = await snapshot();
    const last = {
      agreementId: a.id,
      expectedVersion: a.version,
      addPropertyIds: [],
      removePropertyIds: [w.propertyId],
    };
    expect(codeOf(await previewAgreementCoverage(database.db, w.admin, last, clock))).toBe("NO_PROPERTIES");
    expect(codeOf(await changeAgreementCoverage(database.db, w.admin, last, clock))).toBe("NO_PROPERTIES");
    const foreign = { ...last, addPropertyIds: [w.otherPropertyId], removePropertyIds: [] };
    expect(codeOf(await changeAgreementCoverage(database.db, w.admin, foreign, clock))).toBe(
      "PROPERTY_NOT_OF_CUSTOMER",
    );
    const notCovered = { ...last, removePropertyIds: [secondPropertyId] };
    expect(codeOf(await changeAgreementCoverage(database.db, w.admin, notCovered, clock))).toBe("PROPERTY_NOT_COVERED");
    const twice = { ...last, addPropertyIds: [w.propertyId], removePropertyIds: [] };
    expect(codeOf(await changeAgreementCoverage(database.db, w.admin, twice, clock))).toBe("PROPERTY_ALREADY_COVERED");
    expect(await snapshot()).toEqual(before);
  });

  it("does what the preview showed: the property leaves, its booked visit is called off with a mail, audited", async () => {
    const a = await bothProperties();
    const now = new Date();
    const [visit] = await database.db
      .insert(serviceVisits)
      .values({
        agreementId: a.id,
        propertyId: secondPropertyId,
        technicianId: w.admin.userId,
        scheduledAt: new Date(now.getTime() + 7 * 86_400_000),
      })
      .returning();
    // A visit at the property that stays is not touched.
    const [staying] = await database.db
      .insert(serviceVisits)
      .values({
        agreementId: a.id,
        propertyId: w.propertyId,
        technicianId: w.admin.userId,
        scheduledAt: new Date(now.getTime() + 8 * 86_400_000),
      })
      .returning();
    const change = { agreementId: a.id, addPropertyIds: [], removePropertyIds: [secondPropertyId] };
    const preview = okOf(await previewAgreementCoverage(database.db, w.admin, change, clock, now));
    expect(preview.before.properties.map((p) => p.id).sort()).toEqual([w.propertyId, secondPropertyId].sort());
    expect(preview.after.properties.map((p) => p.id)).toEqual([w.propertyId]);
    expect(preview.after.annualVisit).toBe(true);
    expect(preview.visitsCancelled.map((v) => v.visitId)).toEqual([visit!.id]);
    const mailBefore = (await snapshot()).mail;

    const done = okOf(
      await changeAgreementCoverage(database.db, w.admin, { ...change, expectedVersion: a.version }, clock, now),
    );
    const shown = ({ before, after, visitsCancelled }: typeof preview) => ({ before, after, visitsCancelled });
    expect(shown(done)).toEqual(shown(preview));
    expect(done.agreement.version).toBe(a.version + 1);
    const covered = await database.db
      .select()
      .from(agreementProperties)
      .where(eq(agreementProperties.agreementId, a.id));
    expect(covered.map((c) => c.propertyId)).toEqual([w.propertyId]);
    const visits = await database.db.select().from(serviceVisits).where(eq(serviceVisits.agreementId, a.id));
    expect(visits.find((v) => v.id === visit!.id)!.cancelledAt).not.toBeNull();
    expect(visits.find((v) => v.id === staying!.id)!.cancelledAt).toBeNull();
    expect((await snapshot()).mail).toBeGreaterThan(mailBefore);
    expect((await lastAudit("agreement.coverage")).details).toEqual({
      before: { propertyIds: preview.before.properties.map((p) => p.id), annualVisit: true },
      after: { propertyIds: [w.propertyId], annualVisit: true },
      visitsCancelled: [visit!.id],
    });
  });

  it("adds a property of the customer; a BRF agreement has no annual visit on either side", async () => {
    const a = await w.agreement();
    const change = { agreementId: a.id, addPropertyIds: [secondPropertyId], removePropertyIds: [] };
    const preview = okOf(await previewAgreementCoverage(database.db, w.admin, change, clock));
    const done = okOf(
      await changeAgreementCoverage(database.db, w.admin, { ...change, expectedVersion: a.version }, clock),
    );
    expect(done.after).toEqual(preview.after);
    expect([done.before.annualVisit, done.after.annualVisit]).toEqual([false, false]);
    expect(done.after.properties.map((p) => p.id).sort()).toEqual([w.propertyId, secondPropertyId].sort());
  });
});

describe("changeAgreementParties", () => {
  it("hands the agreement to another seller and a partner, audited before and after; the old seller loses it", async () => {
    const a = await w.agreement({ sellerId: seller.userId });
    const done = okOf(
      await changeAgreementParties(
        database.db,
        seller,
        { agreementId: a.id, expectedVersion: a.version, sellerId: otherSeller.userId, partnerId },
        clock,
      ),
    );
    expect([done.sellerId, done.partnerId, done.version]).toEqual([otherSeller.userId, partnerId, a.version + 1]);
    expect((await lastAudit("agreement.parties")).details).toEqual({
      before: { sellerId: seller.userId, partnerId: null },
      after: { sellerId: otherSeller.userId, partnerId },
    });
    const again = { agreementId: a.id, expectedVersion: done.version, partnerId: null };
    expect(codeOf(await changeAgreementParties(database.db, seller, again, clock))).toBe("NOT_FOUND");
    expect(okOf(await changeAgreementParties(database.db, otherSeller, again, clock)).partnerId).toBeNull();
  });

  it("refuses a stale version, a customer as partner and a non-seller, writing nothing", async () => {
    const a = await w.agreement();
    const before = await snapshot();
    const input = { agreementId: a.id, expectedVersion: a.version };
    const stale = await changeAgreementParties(
      database.db,
      w.admin,
      { ...input, expectedVersion: 99, partnerId },
      clock,
    );
    expect(codeOf(stale)).toBe("STALE_VERSION");
    const customer = await changeAgreementParties(database.db, w.admin, { ...input, partnerId: w.customerId }, clock);
    expect(codeOf(customer)).toBe("NOT_A_PARTNER");
    const admin = await changeAgreementParties(database.db, w.admin, { ...input, sellerId: w.admin.userId }, clock);
    expect(codeOf(admin)).toBe("NOT_A_SELLER");
    expect(await snapshot()).toEqual(before);
  });
});
