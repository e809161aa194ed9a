import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { agreementProperties, agreements, properties } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { clockAt } from "../../shared/clock.js";
import { todayInSweden, type IsoDate } from "../../shared/dates.js";
import { statusSql, VALID_STATUSES } from "../agreements/index.js";
import { propertyScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import { PartyErrors } from "./party.errors.js";
import { PROPERTY_REGISTRARS, PROPERTY_REGISTRARS_FOR_ANY_CUSTOMER } from "./party.roles.js";
import type { PropertyRow } from "./party.service.js";
import { apartmentsProblem, installerOf, postalCodeOf, textProblem } from "./property-fields.js";
import { staleRecord } from "./record-version.js";

export interface UpdatePropertyInput {
  propertyId: string;
  expectedVersion: number;
  /** Each omitted field stays as it is; installerId null removes the installer. */
  name?: string | null;
  streetAddress?: string | null;
  postalCode?: string | null;
  city?: string | null;
  apartments?: number | null;
  installerId?: string | null;
}

type Fields = Pick<PropertyRow, "name" | "streetAddress" | "postalCode" | "city" | "apartments" | "installerId">;

/** The same rules and codes as createProperty, for the fields the correction names. */
async function correctedFields(
  db: DbOrTx,
  viewer: Viewer,
  input: UpdatePropertyInput,
): Promise<Partial<Fields> | { errors: ReturnType<typeof userError>["errors"] }> {
  const fields: Partial<Fields> = {};
  if (input.installerId !== undefined) {
    if (input.installerId === null) fields.installerId = null;
    else {
      const installer = await installerOf(db, viewer, input.installerId);
      if (typeof installer !== "string") return installer;
      fields.installerId = installer;
    }
  }
  if (input.postalCode != null) {
    const postalCode = postalCodeOf(input.postalCode);
    if (typeof postalCode !== "string") return postalCode;
    fields.postalCode = postalCode;
  }
  if (input.apartments != null) {
    const bad = apartmentsProblem(input.apartments);
    if (bad) return bad;
    fields.apartments = input.apartments;
  }
  for (const key of ["name", "streetAddress", "city"] as const) {
    const value = input[key]?.trim();
    if (value === undefined) continue;
    const bad = textProblem(key, value);
    if (bad) return bad;
    fields[key] = value;
  }
  return fields;
}

/**
 * The agreements in force (valid: active or expiring) that cover the property. No price is stored per apartment —
 * neither an agreement nor a rental or add-on is priced from the count — so a new count changes no price already
 * agreed; it is the basis of the next quote. The audit names them for the seller (decision 0061).
 */
async function signedAgreementsCovering(tx: DbOrTx, propertyId: string, today: IsoDate): Promise<string[]> {
  const rows = await tx
    .select({ number: agreements.number })
    .from(agreements)
    .innerJoin(agreementProperties, eq(agreementProperties.agreementId, agreements.id))
    .where(and(eq(agreementProperties.propertyId, propertyId), inArray(statusSql(clockAt(today)), [...VALID_STATUSES])))
    .orderBy(agreements.number);
  return rows.map((r) => r.number);
}

/** Vendor admins and sellers any property they see, a customer admin its own. */
export function mayCorrectProperty(viewer: Viewer, property: Pick<PropertyRow, "customerId">): boolean {
  if (!holds(viewer, PROPERTY_REGISTRARS)) return false;
  return holds(viewer, PROPERTY_REGISTRARS_FOR_ANY_CUSTOMER) || property.customerId === viewer.organisationId;
}

/**
 * Correct a property's record. Scoped like reads and like registering: vendor admins and sellers any property, a
 * customer admin its own; one the caller may not see or not correct answers NOT_FOUND, as a missing one does.
 */
export async function updateProperty(
  db: Db,
  viewer: Viewer,
  input: UpdatePropertyInput,
  today: IsoDate = todayInSweden(),
): Promise<Result<PropertyRow>> {
  requireRole(viewer, PROPERTY_REGISTRARS);
  const fields = await correctedFields(db, viewer, input);
  if ("errors" in fields) return fields;
  return mutate(db, async (tx) => {
    const [property] = await tx
      .select()
      .from(properties)
      .where(and(propertyScope(viewer), eq(properties.id, input.propertyId)))
      .for("update");
    if (!property || !mayCorrectProperty(viewer, property))
      return userError(PartyErrors.NOT_FOUND, "No such property.", ["input", "propertyId"]);
    const stale = staleRecord("property", input.expectedVersion, property.version);
    if (stale) return stale;
    // A form sends every field; only those that differ are changes, in the row's history and the audit.
    const keys = (Object.keys(fields) as (keyof Fields)[]).filter((k) => fields[k] !== property[k]);
    const before = Object.fromEntries(keys.map((k) => [k, property[k]]));
    const after = Object.fromEntries(keys.map((k) => [k, fields[k]]));
    const apartmentsChanged = fields.apartments !== undefined && fields.apartments !== property.apartments;
    const [row] = await tx
      .update(properties)
      .set({ ...fields, version: sql`${properties.version} + 1` })
      .where(eq(properties.id, property.id))
      .returning();
    await recordAudit(tx, viewer, {
      action: "property.update",
      objectType: "Property",
      objectId: property.id,
      organisationId: property.customerId,
      details: {
        before,
        after,
        ...(apartmentsChanged ? { signedAgreements: await signedAgreementsCovering(tx, property.id, today) } : {}),
      },
    });
    return ok(row!);
  });
}
