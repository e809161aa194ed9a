import { count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreements, auditEvents, organisations, properties } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import { agreementWorld, today, type AgreementWorld } from "../agreements/agreement.fixture.js";
import { updateOrganisation } from "./organisation-correction.js";
import { updateProperty } from "./property-correction.js";
import { createOrganisation } from "./party.service.js";

let database: Database;
let w: AgreementWorld;

beforeAll(async () => {
  database = await freshDatabase();
  w = await agreementWorld(database);
});
afterAll(() => database.close());

/** Every row a correction could write: the records and the audit trail. */
async function snapshot() {
  const db = database.db;
  return {
    organisations: await db.select().from(organisations).orderBy(organisations.id),
    properties: await db.select().from(properties).orderBy(properties.id),
    audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
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

const customerAdmin = () =>
  viewerAs(w.admin, { role: "CUSTOMER_ADMIN", organisationKind: "CUSTOMER", organisationId: w.customerId });

async function versionOf(table: typeof organisations | typeof properties, id: string) {
  const [row] = await database.db.select({ version: table.version }).from(table).where(eq(table.id, id));
  return row!.version;
}

describe("updateOrganisation", () => {
  it("corrects the name and number, moves the version and audits before and after", async () => {
    const version = await versionOf(organisations, w.customerId);
    const org = okOf(
      await updateOrganisation(database.db, w.admin, {
        organisationId: w.customerId,
        expectedVersion: version,
        name: "Brf Ettan",
        organisationNumber: "5560160680",
      }),
    );
    expect([org.name, org.organisationNumber, org.version]).toEqual(["Brf Ettan", "556016-0680", version + 1]);
    expect((await lastAudit("organisation.update")).details).toEqual({
      before: { name: "Brf Ett", organisationNumber: "769612-3459" },
      after: { name: "Brf Ettan", organisationNumber: "556016-0680" },
    });
  });

  it("sets a customer's annual-meeting month, audited only when it moves; no other kind has one", async () => {
    const version = await versionOf(organisations, w.customerId);
    const org = okOf(
      await updateOrganisation(database.db, customerAdmin(), {
        organisationId: w.customerId,
        expectedVersion: version,
        annualMeetingMonth: 3,
      }),
    );
    expect(org.annualMeetingMonth).toBe(3);
    expect((await lastAudit("organisation.update")).details).toMatchObject({
      before: { annualMeetingMonth: null },
      after: { annualMeetingMonth: 3 },
    });
    const vendor = await updateOrganisation(database.db, w.admin, {
      organisationId: w.admin.organisationId,
      expectedVersion: await versionOf(organisations, w.admin.organisationId),
      annualMeetingMonth: 5,
    });
    expect(codeOf(vendor)).toBe("NOT_A_CUSTOMER");
  });

  it("keeps a contact apart from the users: set by the customer's admin, only what moved audited, empty removes", async () => {
    const version = await versionOf(organisations, w.customerId);
    const org = okOf(
      await updateOrganisation(database.db, customerAdmin(), {
        organisationId: w.customerId,
        expectedVersion: version,
        contactName: " Styrelsen ",
        contactEmail: "Styrelsen@BrfEtt.example",
        contactPhone: "+46 (0)31-12 34 56",
      }),
    );
    expect([org.contactName, org.contactEmail, org.contactPhone]).toEqual([
      "Styrelsen",
      "styrelsen@brfett.example",
      "+46 (0)31-12 34 56",
    ]);
    expect((await lastAudit("organisation.update")).details).toMatchObject({
      before: { contactName: null, contactEmail: null, contactPhone: null },
      after: { contactName: "Styrelsen", contactEmail: "styrelsen@brfett.example", contactPhone: "+46 (0)31-12 34 56" },
    });

    const cleared = okOf(
      await updateOrganisation(database.db, customerAdmin(), {
        organisationId: w.customerId,
        expectedVersion: version + 1,
        contactPhone: "",
      }),
    );
    expect([cleared.contactName, cleared.contactEmail, cleared.contactPhone]).toEqual([
      "Styrelsen",
      "styrelsen@brfett.example",
      null,
    ]);
    const { details } = await lastAudit("organisation.update");
    expect(details).toMatchObject({ before: { contactPhone: "+46 (0)31-12 34 56" }, after: { contactPhone: null } });
    expect(Object.keys((details as { after: object }).after)).not.toContain("contactEmail");
  });

  it("refuses a contact address mail cannot reach and a number that cannot be dialled, writing nothing", async () => {
    const version = await versionOf(organisations, w.customerId);
    const before = await snapshot();
    for (const [input, code, field] of [
      [{ contactEmail: "styrelsen.brfett" }, "INVALID_EMAIL", "contactEmail"],
      [{ contactPhone: "ring Britt" }, "INVALID_PHONE", "contactPhone"],
      [{ contactPhone: "12-3" }, "INVALID_PHONE", "contactPhone"],
      [{ contactPhone: "+46 31 123 456 789 012 3" }, "INVALID_PHONE", "contactPhone"],
    ] as const) {
      const r = await updateOrganisation(database.db, customerAdmin(), {
        organisationId: w.customerId,
        expectedVersion: version,
        ...input,
      });
      expect(r).toMatchObject({ errors: [{ code, field: ["input", field] }] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a stale version with STALE_VERSION and writes nothing", async () => {
    const version = await versionOf(organisations, w.customerId);
    const before = await snapshot();
    const r = await updateOrganisation(database.db, w.admin, {
      organisationId: w.customerId,
      expectedVersion: version - 1,
      name: "Brf Sent",
    });
    expect(r).toMatchObject({ errors: [{ code: "STALE_VERSION", field: ["input", "expectedVersion"] }] });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an organisation number with a wrong check digit as createOrganisation does", async () => {
    const before = await snapshot();
    const r = await updateOrganisation(database.db, w.admin, {
      organisationId: w.customerId,
      expectedVersion: await versionOf(organisations, w.customerId),
      organisationNumber: "556016-0681",
    });
    expect(r).toMatchObject({
      errors: [{ code: "INVALID_ORGANISATION_NUMBER", field: ["input", "organisationNumber"] }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another organisation's number with ORGANISATION_NUMBER_TAKEN", async () => {
    const r = await updateOrganisation(database.db, w.admin, {
      organisationId: w.customerId,
      expectedVersion: await versionOf(organisations, w.customerId),
      organisationNumber: "769623-4561",
    });
    expect(codeOf(r)).toBe("ORGANISATION_NUMBER_TAKEN");
  });

  it("answers another customer's admin NOT_FOUND, exactly as for a missing organisation, and writes nothing", async () => {
    const before = await snapshot();
    const input = { expectedVersion: 1, name: "Kapad" };
    const foreign = await updateOrganisation(database.db, customerAdmin(), {
      ...input,
      organisationId: w.otherCustomerId,
    });
    const missing = await updateOrganisation(database.db, customerAdmin(), {
      ...input,
      organisationId: "00000000-0000-4000-8000-000000000000",
    });
    expect(foreign).toEqual(missing);
    expect(codeOf(foreign)).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});

describe("updateProperty", () => {
  it("lets a customer admin correct its own property's address, audited before and after", async () => {
    const version = await versionOf(properties, w.propertyId);
    const p = okOf(
      await updateProperty(database.db, customerAdmin(), {
        propertyId: w.propertyId,
        expectedVersion: version,
        streetAddress: "Storgatan 3",
        postalCode: "41263",
      }),
    );
    expect([p.streetAddress, p.postalCode, p.version]).toEqual(["Storgatan 3", "412 63", version + 1]);
    expect((await lastAudit("property.update")).details).toEqual({
      before: { postalCode: "411 01", streetAddress: "Gatan 1" },
      after: { postalCode: "412 63", streetAddress: "Storgatan 3" },
    });
  });

  it("refuses a stale version with STALE_VERSION and writes nothing", async () => {
    const before = await snapshot();
    const r = await updateProperty(database.db, w.admin, {
      propertyId: w.propertyId,
      expectedVersion: (await versionOf(properties, w.propertyId)) + 1,
      name: "Sent",
    });
    expect(codeOf(r)).toBe("STALE_VERSION");
    expect(await snapshot()).toEqual(before);
  });

  it("answers another customer's admin NOT_FOUND, exactly as for a missing property, and writes nothing", async () => {
    const before = await snapshot();
    const foreign = await updateProperty(database.db, customerAdmin(), {
      propertyId: w.otherPropertyId,
      expectedVersion: 1,
      name: "Kapad",
    });
    const missing = await updateProperty(database.db, customerAdmin(), {
      propertyId: "00000000-0000-4000-8000-000000000000",
      expectedVersion: 1,
      name: "Kapad",
    });
    expect(foreign).toEqual(missing);
    expect(codeOf(foreign)).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a bad postal code and apartments with the codes createProperty uses", async () => {
    const expectedVersion = await versionOf(properties, w.propertyId);
    const base = { propertyId: w.propertyId, expectedVersion };
    expect(codeOf(await updateProperty(database.db, w.admin, { ...base, postalCode: "012 34" }))).toBe(
      "INVALID_POSTAL_CODE",
    );
    expect(codeOf(await updateProperty(database.db, w.admin, { ...base, apartments: -2 }))).toBe("INVALID_INPUT");
    expect(codeOf(await updateProperty(database.db, w.admin, { ...base, installerId: w.otherCustomerId }))).toBe(
      "NOT_A_PARTNER",
    );
  });

  it("moves the installer to another partner, audited before and after; the old version is then refused", async () => {
    const partner = async (name: string, organisationNumber: string) =>
      okOf(await createOrganisation(database.db, w.admin, { kind: "PARTNER", name, organisationNumber })).id;
    const first = await partner("Installatör Ett AB", "559012-3450");
    const second = await partner("Installatör Två AB", "559012-3468");
    const set = async (installerId: string, expectedVersion: number) =>
      updateProperty(database.db, w.admin, { propertyId: w.propertyId, expectedVersion, installerId });
    okOf(await set(first, await versionOf(properties, w.propertyId)));

    const version = await versionOf(properties, w.propertyId);
    const moved = okOf(await set(second, version));
    expect([moved.installerId, moved.version]).toEqual([second, version + 1]);
    expect((await lastAudit("property.update")).details).toEqual({
      before: { installerId: first },
      after: { installerId: second },
    });

    // Someone who read the property before the move would put the first installer back: refused, nothing written.
    const before = await snapshot();
    expect(await set(first, version)).toMatchObject({
      errors: [{ code: "STALE_VERSION", field: ["input", "expectedVersion"] }],
    });
    expect(await snapshot()).toEqual(before);
    expect((await database.db.select().from(properties).where(eq(properties.id, w.propertyId)))[0]!.installerId).toBe(
      second,
    );
  });

  it("changes no signed agreement when the apartments change, and names the agreements in the audit", async () => {
    const a = await w.agreement();
    const [agreementBefore] = await database.db.select().from(agreements).where(eq(agreements.id, a.id));
    okOf(
      await updateProperty(
        database.db,
        w.admin,
        { propertyId: w.propertyId, expectedVersion: await versionOf(properties, w.propertyId), apartments: 26 },
        today,
      ),
    );
    const [agreementAfter] = await database.db.select().from(agreements).where(eq(agreements.id, a.id));
    expect(agreementAfter!.version).toBe(agreementBefore!.version);
    expect((await lastAudit("property.update")).details).toEqual({
      before: { apartments: 20 },
      after: { apartments: 26 },
      signedAgreements: [a.number],
    });
  });
});
