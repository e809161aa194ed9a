import { type SQL, and, eq, or, inArray, sql } from "drizzle-orm";
import {
  agreementProperties,
  agreements,
  organisations,
  properties,
  supportCaseMessages,
  supportCases,
  users,
} from "../db/schema/index.js";
import { isVendorStaff, type Viewer } from "./viewer.js";

/**
 * The tenant scope: what each viewer may see, in one place. Every service filters through these,
 * so a new query cannot forget the tenant. A thing outside the scope is treated as missing.
 *
 * - vendor staff (ADMIN, SELLER, SUPPORT) see every party: they sign up customers and partners;
 * - a partner sees itself, the vendor, and the customers whose properties it installs for, whose
 *   agreements it signed, or which it registered (decision 0082);
 * - a customer sees itself, the vendor, and the partners that install at its properties.
 */
export function organisationScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  const vendor = eq(organisations.kind, "VENDOR");
  if (v.organisationKind === "PARTNER") {
    return or(
      eq(organisations.id, v.organisationId),
      vendor,
      eq(organisations.registeredByPartnerId, v.organisationId),
      inArray(
        organisations.id,
        sql`(select ${properties.customerId} from ${properties} where ${properties.installerId} = ${v.organisationId})`,
      ),
      inArray(
        organisations.id,
        sql`(select ${agreements.customerId} from ${agreements} where ${agreements.partnerId} = ${v.organisationId})`,
      ),
    );
  }
  return or(
    eq(organisations.id, v.organisationId),
    vendor,
    inArray(
      organisations.id,
      sql`(select ${properties.installerId} from ${properties} where ${properties.customerId} = ${v.organisationId})`,
    ),
    inArray(
      organisations.id,
      sql`(select ${agreements.partnerId} from ${agreements} where ${agreements.customerId} = ${v.organisationId})`,
    ),
  );
}

export function propertyScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  if (v.organisationKind === "PARTNER") {
    return or(
      eq(properties.installerId, v.organisationId),
      inArray(
        properties.id,
        sql`(select ${agreementProperties.propertyId} from ${agreementProperties} join ${agreements} on ${agreements.id} = ${agreementProperties.agreementId} where ${agreements.partnerId} = ${v.organisationId})`,
      ),
    );
  }
  return eq(properties.customerId, v.organisationId);
}

/**
 * Agreements: admins and support see all; a seller those he is responsible for; a partner those it
 * signed; a customer its own.
 */
export function agreementScope(v: Viewer): SQL | undefined {
  if (v.role === "ADMIN" || v.role === "SUPPORT") return undefined;
  if (v.role === "SELLER") return eq(agreements.sellerId, v.userId);
  if (v.organisationKind === "PARTNER") return eq(agreements.partnerId, v.organisationId);
  return eq(agreements.customerId, v.organisationId);
}

/** The row of `agreement_counts` holding how many agreements `agreementScope` lets the viewer see (decision 0088). */
export function agreementCountScope(v: Viewer): { scope: "ALL" | "SELLER" | "PARTNER" | "CUSTOMER"; id: string } {
  if (v.role === "ADMIN" || v.role === "SUPPORT") return { scope: "ALL", id: "00000000-0000-0000-0000-000000000000" };
  if (v.role === "SELLER") return { scope: "SELLER", id: v.userId };
  if (v.organisationKind === "PARTNER") return { scope: "PARTNER", id: v.organisationId };
  return { scope: "CUSTOMER", id: v.organisationId };
}

/**
 * People are more private than organisations: outside the vendor, one's own colleagues and the
 * sellers responsible for the agreements one may see (the customer's and partner's contact).
 *
 * Relations follow the same scope as `node(id)`: a field that returns the full `User` or an
 * `Organisation` answers only what this module lets the viewer see, and null otherwise (the
 * `visibleUser`/`visibleOrganisation` loaders). Who did something (history, audit, case messages,
 * visit protocols) is shown to anyone who may see the thing as the limited `Actor` (name and
 * organisation name, `modules/parties/actor.ts`), in a `…Summary` field beside the old `User` one.
 */
export function userScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  return or(
    eq(users.organisationId, v.organisationId),
    inArray(users.id, sql`(select ${agreements.sellerId} from ${agreements} where ${agreementScope(v)})`),
  );
}

/** Lists of people stay one's own colleagues: a seller is reached through the agreement. */
export function colleagueScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  return eq(users.organisationId, v.organisationId);
}

/**
 * Support cases: vendor staff see every case; a partner the cases routed to it and those it opened
 * for its customers; a customer its own organisation's.
 */
export function supportCaseScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  if (v.organisationKind === "PARTNER") {
    return or(
      and(eq(supportCases.partnerId, v.organisationId), eq(supportCases.routedTo, "PARTNER")),
      eq(supportCases.openedByOrganisationId, v.organisationId),
    );
  }
  return eq(supportCases.customerId, v.organisationId);
}

/**
 * Messages of a visible case: internal notes are for the staff side only. Vendor staff read them
 * all; a partner its own staff's notes and the hand-over notes of cases for it as installer, never
 * the vendor's or another partner's; a customer none.
 */
export function supportMessageScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  if (v.organisationKind === "PARTNER") {
    return or(
      eq(supportCaseMessages.internal, false),
      inArray(
        supportCaseMessages.authorUserId,
        sql`(select ${users.id} from ${users} where ${users.organisationId} = ${v.organisationId})`,
      ),
      and(
        eq(supportCaseMessages.handover, true),
        inArray(
          supportCaseMessages.caseId,
          sql`(select ${supportCases.id} from ${supportCases} where ${supportCases.partnerId} = ${v.organisationId})`,
        ),
      ),
    );
  }
  return eq(supportCaseMessages.internal, false);
}
