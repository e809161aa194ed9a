import { describe, expect, it } from "vitest";
import type { Role, Viewer } from "../../shared/viewer.js";
import { sectionsOf } from "../access/viewer-sections.js";
import { agreementPermissions } from "./agreement-permissions.js";

const as = (role: Role) => ({ role }) as Viewer;
const withRentals = { licenceRentals: true };

describe("what the viewer may do to an agreement", () => {
  it("lets sellers renew an expired agreement but not terminate it", () => {
    expect(agreementPermissions(as("SELLER"), { status: "EXPIRED" }, withRentals)).toMatchObject({
      renew: true,
      terminate: false,
      activate: false,
    });
  });
  it("offers nothing on a terminated agreement but the choice of accounts and another seller or partner; a draft its activation and coverage", () => {
    const { chooseHanteraAccounts, changeParties, ...rest } = agreementPermissions(
      as("ADMIN"),
      { status: "TERMINATED" },
      withRentals,
    );
    expect(Object.values(rest).some(Boolean)).toBe(false);
    expect([chooseHanteraAccounts, changeParties]).toEqual([true, true]);
    expect(agreementPermissions(as("ADMIN"), { status: "DRAFT" }, withRentals)).toMatchObject({
      activate: true,
      renew: false,
      manageHanteraAccounts: false,
      changeCoverage: true,
    });
  });
  it("gives a customer admin the benefits and add-on orders at list price, not the lifecycle, cancelling or own prices, and rentals only when the tier has them", () => {
    const p = agreementPermissions(as("CUSTOMER_ADMIN"), { status: "ACTIVE" }, { licenceRentals: false });
    expect(p).toEqual({
      activate: false,
      renew: false,
      terminate: false,
      manageHanteraAccounts: true,
      chooseHanteraAccounts: true,
      rentLicences: false,
      orderAddOns: true,
      cancelAddOns: false,
      agreePrices: false,
      changeCoverage: false,
      changeParties: false,
    });
  });
  it("lets a customer admin choose which Hantera accounts stay after a lapse, but not create any, and a member neither", () => {
    expect(agreementPermissions(as("CUSTOMER_ADMIN"), { status: "EXPIRED" }, withRentals)).toMatchObject({
      manageHanteraAccounts: false,
      chooseHanteraAccounts: true,
    });
    expect(agreementPermissions(as("CUSTOMER_MEMBER"), { status: "EXPIRED" }, withRentals).chooseHanteraAccounts).toBe(
      false,
    );
  });
  it("lets only sellers and admins agree a price other than the list's", () => {
    expect(agreementPermissions(as("SELLER"), { status: "ACTIVE" }, withRentals).agreePrices).toBe(true);
    expect(agreementPermissions(as("PARTNER_ADMIN"), { status: "ACTIVE" }, withRentals).agreePrices).toBe(false);
  });
  it("leaves a customer member read-only", () => {
    expect(
      Object.values(agreementPermissions(as("CUSTOMER_MEMBER"), { status: "EXPIRING" }, withRentals)).some(Boolean),
    ).toBe(false);
  });
});

describe("the sections a viewer may use", () => {
  it("follows the roles of the operations behind them", () => {
    // A seller registers customers and their properties on the administration page (what the API lets a seller
    // do), but neither other kinds of organisation nor releases.
    expect(sectionsOf(as("SELLER"))).toEqual([
      "DASHBOARD",
      "AGREEMENTS",
      "ORGANISATIONS",
      "PROPERTIES",
      "PROPOSALS",
      "PROPOSAL_DECIDING",
      "VISIT_BOOKING",
      "WORKLIST",
      "VISITS",
      "SUPPORT",
      "CONTACT_REQUESTS",
      "PRICE_LIST",
      "MONITORING",
      "ADMINISTRATION",
    ]);
    expect(sectionsOf(as("PARTNER_ADMIN"))).toEqual([
      "DASHBOARD",
      "AGREEMENTS",
      "ORGANISATIONS",
      "PROPERTIES",
      "API_TOKENS",
      "PROPOSALS",
      "PROPOSING",
      "WEBHOOKS",
      "WORKLIST",
      "VISITS",
      "SUPPORT",
      "SUPPORT_QUEUE",
      "MONITORING",
      "USERS",
    ]);
    expect(sectionsOf(as("PARTNER_STAFF"))).toEqual([
      "DASHBOARD",
      "AGREEMENTS",
      "ORGANISATIONS",
      "PROPERTIES",
      "WORKLIST",
      "VISITS",
      "SUPPORT",
      "SUPPORT_QUEUE",
      "MONITORING",
    ]);
    // The customer admin's worklist: the tailorings waiting on the customer (decision 0031); a member cannot act on
    // them.
    expect(sectionsOf(as("CUSTOMER_ADMIN"))).toEqual([
      "DASHBOARD",
      "AGREEMENTS",
      "PROPERTIES",
      "PROPOSALS",
      "WORKLIST",
      "VISITS",
      "SUPPORT",
      "MONITORING",
      "USERS",
    ]);
    expect(sectionsOf(as("CUSTOMER_MEMBER"))).toEqual([
      "DASHBOARD",
      "AGREEMENTS",
      "PROPERTIES",
      "VISITS",
      "SUPPORT",
      "MONITORING",
    ]);
    expect(sectionsOf(as("ADMIN"))).toEqual(
      expect.arrayContaining([
        "AUDIT",
        "ADMINISTRATION",
        "REGISTERING_ANY_ORGANISATION",
        "RELEASE_PUBLISHING",
        "USERS",
        "EMAIL_OUTBOX",
        "LOGIN_LOCKOUTS",
      ]),
    );
    for (const role of ["SELLER", "SUPPORT", "PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const)
      expect(sectionsOf(as(role))).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(EMAIL_OUTBOX|LOGIN_LOCKOUTS)$/)]),
      );
    expect(sectionsOf(as("SUPPORT"))).toEqual(expect.arrayContaining(["SUPPORT", "SUPPORT_QUEUE", "MONITORING_BOARD"]));
    // The board spans every customer: support's and the admins' alone.
    for (const role of ["SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN", "CUSTOMER_MEMBER"] as const)
      expect(sectionsOf(as(role))).not.toContain("MONITORING_BOARD");
    // Booking visits and proposing their times is the vendor's: the customer answers, the partner is told.
    for (const role of ["ADMIN", "SELLER", "SUPPORT"] as const) expect(sectionsOf(as(role))).toContain("VISIT_BOOKING");
    for (const role of ["PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN", "CUSTOMER_MEMBER"] as const)
      expect(sectionsOf(as(role))).not.toContain("VISIT_BOOKING");
  });
});
