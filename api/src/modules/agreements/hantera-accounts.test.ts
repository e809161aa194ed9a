import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, hanteraAccounts, tiers } from "../../db/schema/index.js";
import { codeOf, freshDatabase, graphqlAs, okOf, viewerAs } from "../../test-support.js";
import { toGlobalId } from "../../shared/ids.js";
import { setUserLanguage } from "../parties/index.js";
import { anonymiseFormerHanteraAccounts } from "./hantera-account-anonymisation.js";
import { agreementWorld, clock, day, refusal, today, type AgreementWorld } from "./agreement.fixture.js";
import * as hantera from "./hantera-quota.js";
import * as licences from "./licence-rentals.js";

// Hantera accounts made and deactivated on an agreement, over a database; the quota's arithmetic alone is
// hantera-quota.test.ts.

let database: Database;
let admin: AgreementWorld["admin"];
let customerId: AgreementWorld["customerId"];
let otherCustomerId: AgreementWorld["otherCustomerId"];
let agreement: AgreementWorld["agreement"];
let parts: AgreementWorld["parts"];

beforeAll(async () => {
  database = await freshDatabase();
  ({ admin, customerId, otherCustomerId, agreement, parts } = await agreementWorld(database));
});
afterAll(() => database.close());

describe("Hantera accounts", () => {
  it("are capped by the tier's included accounts, read from the tiers table", async () => {
    const a = await agreement();
    for (let i = 0; i < 5; i++)
      okOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: `P${i}`, email: `p${i}@brf.example` },
          clock,
        ),
      );
    const refused = await hantera.createHanteraAccount(
      database.db,
      admin,
      { agreementId: a.id, name: "Sjätte", email: "p6@brf.example" },
      clock,
    );
    expect(refused).toMatchObject({ errors: [{ code: "HANTERA_QUOTA_REACHED" }] });
    expect((await hantera.hanteraQuota(database.db, a, today)).used).toBe(5);

    // The rule is data: change the row and the quota follows, no code involved.
    await database.db.update(tiers).set({ includedHanteraAccounts: 6 }).where(eq(tiers.code, "BRF"));
    okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "Sjätte", email: "p6@brf.example" },
        clock,
      ),
    );
    await database.db.update(tiers).set({ includedHanteraAccounts: 5 }).where(eq(tiers.code, "BRF"));
  });

  it("grow with rented Hantera licences, and a deactivated account frees its place", async () => {
    const a = await agreement();
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: a.id, kind: "HANTERA", quantity: 2, startsOn: day(0), endsOn: day(100) },
        clock,
      ),
    );
    expect((await hantera.hanteraQuota(database.db, a, today)).quota).toBe(7);
    const made = [];
    for (let i = 0; i < 7; i++)
      made.push(
        okOf(
          await hantera.createHanteraAccount(
            database.db,
            admin,
            { agreementId: a.id, name: `P${i}`, email: `q${i}@brf.example` },
            clock,
          ),
        ),
      );
    expect(
      codeOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: "X", email: "x@brf.example" },
          clock,
        ),
      ),
    ).toBe("HANTERA_QUOTA_REACHED");
    okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made[0]!.id }, clock));
    okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "X", email: "x@brf.example" },
        clock,
      ),
    );
    expect(
      codeOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: "X", email: "X@brf.example" },
          clock,
        ),
      ),
    ).toBe("HANTERA_QUOTA_REACHED");
  });

  it("refuses a second active account for the same e-mail, saying so beside the e-mail field", async () => {
    const a = await agreement();
    okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "A", email: "same@brf.example" },
        clock,
      ),
    );
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "A", email: "SAME@brf.example" },
        clock,
      ),
    ).toEqual(
      refusal("HANTERA_ACCOUNT_EXISTS", "same@brf.example already has an active Hantera account on this agreement.", [
        "input",
        "email",
      ]),
    );
  });

  it("says how full the quota is when it refuses", async () => {
    const a = await agreement();
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: a.id, kind: "HANTERA", quantity: 1, startsOn: day(0), endsOn: day(10) },
        clock,
      ),
    );
    for (let i = 0; i < 6; i++)
      okOf(
        await hantera.createHanteraAccount(
          database.db,
          admin,
          { agreementId: a.id, name: `R${i}`, email: `r${i}@brf.example` },
          clock,
        ),
      );
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "R6", email: "r6@brf.example" },
        clock,
      ),
    ).toEqual({
      errors: [
        {
          code: "HANTERA_QUOTA_REACHED",
          message:
            "All 6 Hantera accounts of the agreement are in use (5 included in the tier, 1 rented). Deactivate one or rent more Hantera licences.",
          field: null,
        },
      ],
    });
  });

  it("keeps the holder's name trimmed and the e-mail trimmed in lower case, refuses an empty name, and records who did it", async () => {
    const a = await agreement();
    const made = okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "  Anna Andersson ", email: " Anna@BRF.Example " },
        clock,
      ),
    );
    expect([made.name, made.email]).toEqual(["Anna Andersson", "anna@brf.example"]);
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "   ", email: "b@brf.example" },
        clock,
      ),
    ).toEqual(refusal("INVALID_INPUT", "Give the account holder's name.", ["input", "name"]));
    okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made.id }, clock));
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, made.id))
      .orderBy(auditEvents.occurredAt);
    expect(audit.map((e) => [e.action, e.objectType, e.organisationId, e.actorUserId, e.details])).toEqual([
      [
        "hanteraAccount.create",
        "HanteraAccount",
        customerId,
        admin.userId,
        { agreementId: a.id, name: "Anna Andersson", email: "anna@brf.example" },
      ],
      [
        "hanteraAccount.deactivate",
        "HanteraAccount",
        customerId,
        admin.userId,
        { agreementId: a.id, email: "anna@brf.example" },
      ],
    ]);
  });

  it("are made only on a valid agreement that exists, deactivated once, and only by those the agreement's benefits are for; each refusal says why", async () => {
    const draft = await agreement({ activate: false });
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: draft.id, name: "A", email: "draft@brf.example" },
        clock,
      ),
    ).toEqual(
      refusal("AGREEMENT_NOT_ACTIVE", `Agreement ${draft.number} is draft; Hantera accounts need a valid agreement.`),
    );
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: missing, name: "A", email: "a@brf.example" },
        clock,
      ),
    ).toMatchObject({ errors: [{ code: "NOT_FOUND", field: ["input", "agreementId"] }] });
    expect(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: missing }, clock)).toEqual(
      refusal("NOT_FOUND", "No such Hantera account.", ["input", "hanteraAccountId"]),
    );
    const a = await agreement();
    const made = okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "A", email: "once@brf.example" },
        clock,
      ),
    );
    expect(
      okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made.id }, clock))
        .deactivatedAt,
    ).toBeInstanceOf(Date);
    expect(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made.id }, clock)).toEqual(
      refusal("ALREADY_DEACTIVATED", "The account is already deactivated.", ["input", "hanteraAccountId"]),
    );
    const member = viewerAs(admin, {
      role: "CUSTOMER_MEMBER",
      organisationKind: "CUSTOMER",
      organisationId: customerId,
    });
    await expect(
      hantera.createHanteraAccount(
        database.db,
        member,
        { agreementId: a.id, name: "B", email: "member@brf.example" },
        clock,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      hantera.deactivateHanteraAccount(database.db, member, { hanteraAccountId: made.id }, clock),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("of another customer answer as missing, and nothing changes", async () => {
    const a = await agreement();
    const input = { agreementId: a.id, name: "A", email: "theirs@brf.example" };
    const made = okOf(await hantera.createHanteraAccount(database.db, admin, input, clock));
    const stranger = viewerAs(admin, {
      role: "CUSTOMER_ADMIN",
      organisationKind: "CUSTOMER",
      organisationId: otherCustomerId,
    });
    expect(await hantera.deactivateHanteraAccount(database.db, stranger, { hanteraAccountId: made.id }, clock)).toEqual(
      refusal("NOT_FOUND", "No such Hantera account.", ["input", "hanteraAccountId"]),
    );
    expect(await hantera.createHanteraAccount(database.db, stranger, input, clock)).toEqual(
      refusal("NOT_FOUND", "No such agreement.", ["input", "agreementId"]),
    );
    expect((await hantera.hanteraQuota(database.db, a, today)).used).toBe(1);
  });

  it("for a 500+ agreement the quota is 10", async () => {
    const a = await agreement({ tier: "PLUS_500" });
    expect((await hantera.hanteraQuota(database.db, a, today)).quota).toBe(10);
  });

  it("read through a request's loaders are the same parts as inside the transaction, each agreement with its own tier", async () => {
    const brf = await agreement();
    okOf(
      await licences.rentLicence(
        database.db,
        admin,
        { agreementId: brf.id, kind: "HANTERA", quantity: 2, startsOn: day(0), endsOn: day(100) },
        clock,
      ),
    );
    const made = [];
    for (const name of ["gone", "kept"])
      made.push(
        okOf(
          await hantera.createHanteraAccount(
            database.db,
            admin,
            { agreementId: brf.id, name, email: `${name}@brf.example` },
            clock,
          ),
        ),
      );
    okOf(await hantera.deactivateHanteraAccount(database.db, admin, { hanteraAccountId: made[0]!.id }, clock));
    const plus = await agreement({ tier: "PLUS_500" });
    const loaders = parts();
    for (const [a, expected] of [
      [brf, { quota: 7, included: 5, rented: 2, used: 1 }],
      [plus, { quota: 10, included: 10, rented: 0, used: 0 }],
    ] as const) {
      expect(await hantera.loadHanteraQuota(loaders, a, today)).toEqual(expected);
      expect(await hantera.hanteraQuota(database.db, a, today)).toEqual(expected);
    }
  });
});

describe("an anonymised Hantera account holder", () => {
  it("is named in the reader's language, as a former Trygg user is (decision 0102)", async () => {
    const a = await agreement();
    const made = okOf(
      await hantera.createHanteraAccount(
        database.db,
        admin,
        { agreementId: a.id, name: "Greta Gammal", email: "greta@owner.example" },
        clock,
      ),
    );
    await database.db
      .update(hanteraAccounts)
      .set({ deactivatedAt: new Date("2020-01-01T00:00:00Z") })
      .where(eq(hanteraAccounts.id, made.id));
    await database.db.transaction((tx) => anonymiseFormerHanteraAccounts(tx, new Date("2021-01-01T00:00:00Z")));
    const nameAs = async (language: "SV" | "EN") => {
      await database.db.transaction((tx) => setUserLanguage(tx, admin.userId, language));
      const q = `query($id: ID!) { node(id: $id) { ... on HanteraAccount { name } } }`;
      const r = await graphqlAs<{ node: { name: string } }>(database, admin, q, {
        id: toGlobalId("HanteraAccount", made.id),
      });
      return r.node.name;
    };
    expect(await nameAs("EN")).toBe("former user");
    expect(await nameAs("SV")).toBe("före detta användare");
  });
});
