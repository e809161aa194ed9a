import { and, eq, gte, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { agreementPeriods, agreementProperties, agreements, properties } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { todayInSweden, type IsoDate } from "../../shared/dates.js";
import { propertyScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import { PartyErrors } from "./party.errors.js";
import { PROPERTY_EDITORS, PROPERTY_EDITORS_FOR_ANY_CUSTOMER } from "./party.roles.js";
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
 * The signed agreements (activated, not ended) that cover the property today. No price is stored per apartment —
 * neither a signed agreement nor a rental or add-on is priced from the count — so a new count changes no price
 * already agreed; it only tells the seller the next quote's basis. The audit names them (decision 0061).
 */
async function signedAgreementsCovering(tx: DbOrTx, propertyId: string, today: IsoDate): Promise<string[]> {
  const rows = await tx
    .select({ number: agreements.number })
    .from(agreements)
    .innerJoin(agreementProperties, eq(agreementProperties.agreementId, agreements.id))
    .where(
      and(
        eq(agreementProperties.propertyId, propertyId),
        isNotNull(agreements.activatedAt),
        or(isNull(agreements.terminatedOn), gte(agreements.terminatedOn, today)),
        sql`exists (select 1 from ${agreementPeriods} where ${agreementPeriods.agreementId} = ${agreements.id}
          and ${agreementPeriods.endsOn} >= ${today}::date)`,
      ),
    )
    .orderBy(agreements.number);
  return rows.map((r) => r.number);
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
  requireRole(viewer, PROPERTY_EDITORS);
  const fields = await correctedFields(db, viewer, input);
  if ("errors" in fields) return fields;
  return mutate(db, async (tx) => {
    const [property] = await tx
      .select()
      .from(properties)
      .where(and(propertyScope(viewer), eq(properties.id, input.propertyId)))
      .for("update");
    const reaches =
      property && (holds(viewer, PROPERTY_EDITORS_FOR_ANY_CUSTOMER) || property.customerId === viewer.organisationId);
    if (!property || !reaches) return userError(PartyErrors.NOT_FOUND, "No such property.", ["input", "propertyId"]);
    const stale = staleRecord("property", input.expectedVersion, property.version);
    if (stale) return stale;
    const keys = Object.keys(fields) as (keyof Fields)[];
    const before = Object.fromEntries(keys.map((k) => [k, property[k]]));
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
        after: fields,
        ...(apartmentsChanged ? { signedAgreements: await signedAgreementsCovering(tx, property.id, today) } : {}),
      },
    });
    return ok(row!);
  });
}
