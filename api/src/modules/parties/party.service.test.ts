import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, organisations, properties, users } from "../../db/schema/index.js";
import { adminViewer, freshDatabase, viewerAs } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import * as parties from "./party.service.js";

let database: Database;
let admin: Viewer;

async function counts() {
  const db = database.db;
  const n = async (t: typeof organisations | typeof users | typeof properties | typeof auditEvents) =>
    (await db.select({ n: count() }).from(t))[0]!.n;
  return {
    organisations: await n(organisations),
    users: await n(users),
    properties: await n(properties),
    audit: await n(auditEvents),
  };
}

function okOf<T>(r: { ok: T } | { errors: unknown[] }): T {
  if (!("ok" in r)) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.ok;
}

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
});
afterAll(() => database.close());

describe("tiers", () => {
  it("come from the tiers table: 500+ includes 10 Hantera accounts and a visit, BRF 5 and none", async () => {
    const tiers = await parties.listTiers(database.db);
    expect(tiers.map((t) => [t.code, t.includedHanteraAccounts, t.annualVisit])).toEqual([
      ["PLUS_500", 10, true],
      ["BRF", 5, false],
    ]);
  });
});

describe("createOrganisation", () => {
  it("registers an organisation with a normalised number and one audit row", async () => {
    const before = await counts();
    const org = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "Brf Test",
        organisationNumber: "7696123459",
      }),
    );
    expect(org.organisationNumber).toBe("769612-3459");
    const after = await counts();
    expect(after.organisations).toBe(before.organisations + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it("refuses an invalid organisation number with INVALID_ORGANISATION_NUMBER and writes nothing", async () => {
    const before = await counts();
    const r = await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Fel AB",
      organisationNumber: "556016-0681",
    });
    expect(r).toMatchObject({
      errors: [{ code: "INVALID_ORGANISATION_NUMBER", field: ["input", "organisationNumber"] }],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a number that is already registered with ORGANISATION_NUMBER_TAKEN", async () => {
    const before = await counts();
    const r = await parties.createOrganisation(database.db, admin, {
      kind: "PARTNER",
      name: "Dubblett AB",
      organisationNumber: "769612-3459",
    });
    expect(r).toMatchObject({ errors: [{ code: "ORGANISATION_NUMBER_TAKEN" }] });
    expect(await counts()).toEqual(before);
  });

  it("keeps the contact given at registration, and refuses a bad one writing nothing (decision 0125)", async () => {
    const org = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "Brf Kontakten",
        organisationNumber: "802512-3459",
        contactName: " Styrelsen ",
        contactEmail: "Styrelsen@Kontakten.example",
        contactPhone: "031-12 34 56",
      }),
    );
    expect([org.contactName, org.contactEmail, org.contactPhone]).toEqual([
      "Styrelsen",
      "styrelsen@kontakten.example",
      "031-12 34 56",
    ]);
    const before = await counts();
    for (const [contact, code] of [
      [{ contactEmail: "inte en adress" }, "INVALID_EMAIL"],
      [{ contactPhone: "12" }, "INVALID_PHONE"],
    ] as const) {
      const r = await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "Brf Felkontakt",
        organisationNumber: "716432-1007",
        ...contact,
      });
      expect(r).toMatchObject({ errors: [{ code, field: ["input", Object.keys(contact)[0]] }] });
    }
    expect(await counts()).toEqual(before);
  });

  it("lets a seller register customers but not partners", async () => {
    const seller = viewerAs(admin, { role: "SELLER" });
    okOf(
      await parties.createOrganisation(database.db, seller, {
        kind: "CUSTOMER",
        name: "Säljarens kund",
        organisationNumber: "556901-2346",
      }),
    );
    await expect(
      parties.createOrganisation(database.db, seller, {
        kind: "PARTNER",
        name: "P",
        organisationNumber: "556812-3458",
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("createUser and createProperty", () => {
  it("refuses a role that does not fit the organisation, a short password and a taken e-mail", async () => {
    const customer = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "Kund AB",
        organisationNumber: "559001-2349",
      }),
    );
    const base = {
      organisationId: customer.id,
      name: "Kim",
      email: "kim@kund.example",
      role: "CUSTOMER_ADMIN" as const,
      password: "long-enough-password",
    };
    const before = await counts();
    expect(await parties.createUser(database.db, admin, { ...base, role: "SELLER" })).toMatchObject({
      errors: [{ code: "ROLE_NOT_ALLOWED_FOR_ORGANISATION" }],
    });
    expect(await parties.createUser(database.db, admin, { ...base, password: "short" })).toMatchObject({
      errors: [{ code: "PASSWORD_TOO_SHORT" }],
    });
    for (const password of [" ".repeat(12), "aaaaaaaaaaaa", "kim@kund.example"]) {
      expect(await parties.createUser(database.db, admin, { ...base, password })).toMatchObject({
        errors: [{ code: "PASSWORD_TOO_WEAK", field: ["input", "password"] }],
      });
    }
    expect(await parties.createUser(database.db, admin, { ...base, password: "x".repeat(201) })).toMatchObject({
      errors: [{ code: "PASSWORD_TOO_LONG" }],
    });
    for (const name of ["\u200B\u200B", "\u200D\uFEFF\u2060", "\u00AD"]) {
      expect(await parties.createUser(database.db, admin, { ...base, name })).toMatchObject({
        errors: [{ code: "INVALID_INPUT", field: ["input", "name"] }],
      });
      expect(
        await parties.createOrganisation(database.db, admin, {
          kind: "CUSTOMER",
          name,
          organisationNumber: "556677-8899",
        }),
      ).toMatchObject({ errors: [{ code: "INVALID_INPUT", field: ["input", "name"] }] });
    }
    expect(await counts()).toEqual(before);
    okOf(await parties.createUser(database.db, admin, base));
    expect(await parties.createUser(database.db, admin, { ...base, email: "KIM@kund.example" })).toMatchObject({
      errors: [{ code: "EMAIL_TAKEN" }],
    });
  });

  it("refuses a property with a bad postal code or owned by a partner, writing nothing", async () => {
    const partner = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "PARTNER",
        name: "Partner AB",
        organisationNumber: "556734-5219",
      }),
    );
    const customer = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "Ägare AB",
        organisationNumber: "556123-9871",
      }),
    );
    const base = {
      customerId: customer.id,
      name: "Huset",
      streetAddress: "Gatan 1",
      postalCode: "41263",
      city: "Göteborg",
      apartments: 12,
    };
    const before = await counts();
    expect(await parties.createProperty(database.db, admin, { ...base, postalCode: "123" })).toMatchObject({
      errors: [{ code: "INVALID_POSTAL_CODE" }],
    });
    expect(await parties.createProperty(database.db, admin, { ...base, customerId: partner.id })).toMatchObject({
      errors: [{ code: "NOT_A_CUSTOMER" }],
    });
    expect(await parties.createProperty(database.db, admin, { ...base, apartments: -1 })).toMatchObject({
      errors: [{ code: "INVALID_INPUT" }],
    });
    expect(await counts()).toEqual(before);
    const property = okOf(await parties.createProperty(database.db, admin, { ...base, installerId: partner.id }));
    expect(property.postalCode).toBe("412 63");
  });
});

describe("tenant scope", () => {
  it("shows a customer only its own properties and users, and hides other customers entirely", async () => {
    const a = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "A-kund",
        organisationNumber: "556812-3458",
      }),
    );
    const b = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "B-kund",
        organisationNumber: "556016-0680",
      }),
    );
    const pa = okOf(
      await parties.createProperty(database.db, admin, {
        customerId: a.id,
        name: "A-huset",
        streetAddress: "A 1",
        postalCode: "41101",
        city: "Gbg",
        apartments: 1,
      }),
    );
    const pb = okOf(
      await parties.createProperty(database.db, admin, {
        customerId: b.id,
        name: "B-huset",
        streetAddress: "B 1",
        postalCode: "41101",
        city: "Gbg",
        apartments: 1,
      }),
    );
    const ua = okOf(
      await parties.createUser(database.db, admin, {
        organisationId: a.id,
        name: "A",
        email: "a@a.example",
        role: "CUSTOMER_ADMIN",
        password: "long-enough-password",
      }),
    );
    const ub = okOf(
      await parties.createUser(database.db, admin, {
        organisationId: b.id,
        name: "B",
        email: "b@b.example",
        role: "CUSTOMER_MEMBER",
        password: "long-enough-password",
      }),
    );
    const viewerA: Viewer = viewerAs(admin, {
      userId: ua.id,
      role: "CUSTOMER_ADMIN",
      organisationId: a.id,
      organisationKind: "CUSTOMER",
    });

    expect(await parties.findProperty(database.db, viewerA, pb.id)).toBeNull();
    expect(await parties.findProperty(database.db, viewerA, pa.id)).not.toBeNull();
    expect(await parties.findOrganisation(database.db, viewerA, b.id)).toBeNull();
    expect(await parties.findUser(database.db, viewerA, ub.id)).toBeNull();
    const props = await parties.listProperties(database.db, viewerA, {}, { first: 100 });
    expect(props.edges.map((e) => e.node.name)).toEqual(["A-huset"]);
    const people = await parties.listUsers(database.db, viewerA, {}, { first: 100 });
    expect(people.edges.map((e) => e.node.email)).toEqual(["a@a.example"]);
    const orgs = await parties.listOrganisations(database.db, viewerA, {}, { first: 100 });
    expect(orgs.edges.map((e) => e.node.name)).not.toContain("B-kund");
    // A property in another tenant answers as a missing one.
    expect(
      await parties.createProperty(database.db, viewerA, {
        customerId: b.id,
        name: "X",
        streetAddress: "X",
        postalCode: "41101",
        city: "X",
        apartments: 1,
      }),
    ).toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
  });
});
