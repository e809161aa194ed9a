import { type SQL, and, eq, or, inArray, sql } from "drizzle-orm";
import { organisations, properties, users } from "../db/schema/index.js";
import { isVendorStaff, type Viewer } from "./viewer.js";

/**
 * The tenant scope: what each viewer may see, in one place. Every service filters through these,
 * so a new query cannot forget the tenant. A thing outside the scope is treated as missing.
 *
 * - vendor staff (ADMIN, SELLER, SUPPORT) see every party: they sign up customers and partners;
 * - a partner sees itself, the vendor, and the customers whose properties it installs for;
 * - a customer sees itself, the vendor, and the partners that install at its properties.
 */
export function organisationScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  const vendor = eq(organisations.kind, "VENDOR");
  if (v.organisationKind === "PARTNER") {
    return or(
      eq(organisations.id, v.organisationId),
      vendor,
      inArray(
        organisations.id,
        sql`(select ${properties.customerId} from ${properties} where ${properties.installerId} = ${v.organisationId})`,
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
  );
}

export function propertyScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  if (v.organisationKind === "PARTNER") return eq(properties.installerId, v.organisationId);
  return eq(properties.customerId, v.organisationId);
}

/** People are more private than organisations: outside the vendor, only one's own colleagues. */
export function userScope(v: Viewer): SQL | undefined {
  if (isVendorStaff(v)) return undefined;
  return eq(users.organisationId, v.organisationId);
}

export function withScope(scope: SQL | undefined, ...conditions: (SQL | undefined)[]): SQL | undefined {
  return and(scope, ...conditions);
}
