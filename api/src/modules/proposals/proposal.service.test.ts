import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreementProposals, emailOutbox, organisations } from "../../db/schema/index.js";
import { adminViewer, codeOf, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import * as parties from "../parties/party.service.js";
import { findAgreement } from "../agreements/agreement.service.js";
import * as s from "./proposal.service.js";

/*
 * A partner's proposal from its making to the seller's decision: who may propose for whom, the steps,
 * and what the partner and the customer are told.
 */

const clock = { today: "2027-03-01", windowDays: 60 };
let database: Database;
let seller: Viewer;
let partnerA: Viewer;
let partnerB: Viewer;
let customerOfA: { id: string; propertyId: string };
let customerOfB: { id: string; propertyId: string };
/** A second property of partner A's customer, installed by partner B: not A's to propose for. */
let servedByB: string;

async function userIn(admin: Viewer, organisationId: string, role: Viewer["role"], email: string): Promise<Viewer> {
  const u = okOf(
    await parties.createUser(database.db, admin, {
      organisationId,
      name: email.split("@")[0]!,
      email,
      role,
      password: "a-long-test-password-42",
    }),
  );
  const org = (await parties.findOrganisation(database.db, admin, organisationId))!;
  return { ...admin, userId: u.id, name: u.name, email, role, organisationId, organisationKind: org.kind };
}

beforeAll(async () => {
  database = await freshDatabase();
  const admin = await adminViewer(database);
  const org = async (kind: "PARTNER" | "CUSTOMER", name: string, organisationNumber: string) =>
    okOf(await parties.createOrganisation(database.db, admin, { kind, name, organisationNumber })).id;
  const partnerAId = await org("PARTNER", "Lås & Larm A", "556677-8899");
  const partnerBId = await org("PARTNER", "Dörrteknik B", "556016-0680");
  const withProperty = async (name: string, number: string, installerId: string) => {
    const id = await org("CUSTOMER", name, number);
    const property = okOf(
      await parties.createProperty(database.db, admin, {
        customerId: id,
        installerId,
        name: `${name} hus`,
        streetAddress: "Gatan 1",
        postalCode: "41101",
        city: "Göteborg",
        apartments: 12,
      }),
    );
    return { id, propertyId: property.id };
  };
  customerOfA = await withProperty("Brf Ett", "769612-3459", partnerAId);
  customerOfB = await withProperty("Brf Två", "769623-4561", partnerBId);
  servedByB = okOf(
    await parties.createProperty(database.db, admin, {
      customerId: customerOfA.id,
      installerId: partnerBId,
      name: "Brf Ett gården",
      streetAddress: "Gatan 3",
      postalCode: "41101",
      city: "Göteborg",
      apartments: 8,
    }),
  ).id;
  seller = await userIn(admin, admin.organisationId, "SELLER", "saljare@vendor.example");
  partnerA = await userIn(admin, partnerAId, "PARTNER_ADMIN", "admin@partner-a.example");
  partnerB = await userIn(admin, partnerBId, "PARTNER_ADMIN", "admin@partner-b.example");
  await userIn(admin, customerOfA.id, "CUSTOMER_ADMIN", "styrelsen@brf-ett.example");
});
afterAll(() => database.close());

const proposal = (customer: { id: string; propertyId: string }, patch: Partial<s.ProposeInput> = {}) => ({
  customerId: customer.id,
  tier: "BRF" as const,
  propertyIds: [customer.propertyId],
  wishedStartOn: "2027-04-01",
  message: "Styrelsen vill ha avtal från april.",
  ...patch,
});

const mailsTo = (to: string) =>
  database.db
    .select({ subject: emailOutbox.subject, body: emailOutbox.body })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(emailOutbox.createdAt);

describe("who proposes for whom", () => {
  it("refuses another partner's customer as a missing one, and writes nothing", async () => {
    const r = await s.proposeAgreement(database.db, partnerA, proposal(customerOfB), clock);
    expect(r).toEqual({
      errors: [{ code: "NOT_FOUND", message: "No such customer.", field: ["input", "customerId"] }],
    });
    const seen = await s.listProposals(database.db, partnerB, {}, {});
    expect(seen.totalCount).toBe(0);
  });

  it("refuses another customer's property, and its own customer's property that another partner serves", async () => {
    for (const other of [customerOfB.propertyId, servedByB]) {
      const r = await s.proposeAgreement(
        database.db,
        partnerA,
        proposal(customerOfA, { propertyIds: [customerOfA.propertyId, other] }),
        clock,
      );
      expect(codeOf(r)).toBe("PROPERTY_NOT_OF_CUSTOMER");
    }
  });

  it("refuses a customer that was deactivated, which can be no agreement's party again, and writes nothing", async () => {
    const admin = await adminViewer(database);
    const gone = okOf(
      await parties.createOrganisation(database.db, admin, {
        kind: "CUSTOMER",
        name: "Brf Lämnat",
        organisationNumber: "769634-5672",
      }),
    ).id;
    const property = okOf(
      await parties.createProperty(database.db, admin, {
        customerId: gone,
        installerId: partnerA.organisationId,
        name: "Lämnat hus",
        streetAddress: "Gatan 5",
        postalCode: "41101",
        city: "Göteborg",
        apartments: 4,
      }),
    ).id;
    await database.db.update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, gone));
    const r = await s.proposeAgreement(database.db, partnerA, proposal({ id: gone, propertyId: property }), clock);
    expect(r).toEqual({
      errors: [
        { code: "ORGANISATION_DEACTIVATED", message: "Brf Lämnat is deactivated.", field: ["input", "customerId"] },
      ],
    });
    const written = await database.db
      .select({ id: agreementProposals.id })
      .from(agreementProposals)
      .where(eq(agreementProposals.customerId, gone));
    expect(written).toEqual([]);
  });

  it("refuses a wished start before today", async () => {
    const r = await s.proposeAgreement(
      database.db,
      partnerA,
      proposal(customerOfA, { wishedStartOn: "2027-02-28" }),
      clock,
    );
    expect(codeOf(r)).toBe("START_IN_PAST");
  });

  it("shows a proposal to its partner, its customer and the vendor, never to another partner", async () => {
    const p = okOf(await s.proposeAgreement(database.db, partnerA, proposal(customerOfA), clock));
    expect(p).toMatchObject({ status: "PROPOSED", customerName: "Brf Ett", partnerName: "Lås & Larm A" });
    expect(await s.findProposal(database.db, partnerA, p.id)).not.toBeNull();
    expect(await s.findProposal(database.db, seller, p.id)).not.toBeNull();
    expect(await s.findProposal(database.db, partnerB, p.id)).toBeNull();
    expect(codeOf(await s.declineProposal(database.db, seller, { proposalId: p.id, reason: "  " }))).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("the seller's decision", () => {
  it("activates an agreement from the proposal, signed by the partner, and tells the partner and the customer", async () => {
    const p = okOf(await s.proposeAgreement(database.db, partnerA, proposal(customerOfA), clock));
    const done = okOf(
      await s.activateProposal(
        database.db,
        seller,
        { proposalId: p.id, startsOn: "2027-04-01", endsOn: "2028-03-31" },
        clock,
      ),
    );
    expect(done).toMatchObject({ status: "ACTIVATED", declineReason: null });
    expect(done.agreementNumber).toMatch(/^TA-2027-\d{4}$/);
    const agreement = await findAgreement(database.db, partnerA, done.agreementId!, clock);
    expect(agreement).toMatchObject({ status: "ACTIVE", partnerId: partnerA.organisationId, sellerId: seller.userId });
    const again = await s.activateProposal(
      database.db,
      seller,
      { proposalId: p.id, startsOn: "2027-04-01", endsOn: "2028-03-31" },
      clock,
    );
    expect(codeOf(again)).toBe("PROPOSAL_DECIDED");
    const customerMails = (await mailsTo("styrelsen@brf-ett.example")).map((m) => m.subject);
    expect(customerMails).toContain("Avtalsförslag för Brf Ett från Lås & Larm A: inskickat");
    expect(customerMails).toContain(
      `Avtalsförslag för Brf Ett från Lås & Larm A: avtal ${done.agreementNumber} är aktivt`,
    );
  });

  it("rolls the whole step back when the agreement's own rules refuse the period", async () => {
    const p = okOf(await s.proposeAgreement(database.db, partnerA, proposal(customerOfA), clock));
    const r = await s.activateProposal(
      database.db,
      seller,
      { proposalId: p.id, startsOn: "2027-04-01", endsOn: "2027-03-01" },
      clock,
    );
    expect(codeOf(r)).toBe("INVALID_DATE_RANGE");
    expect((await s.findProposal(database.db, seller, p.id))?.status).toBe("PROPOSED");
  });

  it("declines with the reason, which the partner reads on the proposal and in its mail", async () => {
    const p = okOf(await s.proposeAgreement(database.db, partnerA, proposal(customerOfA), clock));
    const reason = "Fastigheten har redan avtal via förvaltaren.";
    const d = okOf(await s.declineProposal(database.db, seller, { proposalId: p.id, reason }));
    expect(d).toMatchObject({ status: "DECLINED", declineReason: reason, agreementId: null });
    expect((await s.findProposal(database.db, partnerA, p.id))?.declineReason).toBe(reason);
    const partnerMails = await mailsTo("admin@partner-a.example");
    expect(partnerMails.at(-1)).toMatchObject({
      subject: expect.stringMatching(/avböjt$/),
      body: expect.stringContaining(reason),
    });
    expect(codeOf(await s.declineProposal(database.db, seller, { proposalId: p.id, reason }))).toBe("PROPOSAL_DECIDED");
  });

  it("lets no partner decide a proposal, not even its own", async () => {
    const p = okOf(await s.proposeAgreement(database.db, partnerA, proposal(customerOfA), clock));
    for (const partner of [partnerA, partnerB])
      await expect(s.declineProposal(database.db, partner, { proposalId: p.id, reason: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
  });
});
