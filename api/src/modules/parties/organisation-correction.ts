import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { forbidden, ok, userError, type Result } from "../../shared/errors.js";
import { organisationScope } from "../../shared/scope.js";
import { isReadableName } from "../../shared/text-rule.js";
import { isUniqueViolation, mutate } from "../../shared/transaction.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { organisationNumberOf } from "./organisation-number.js";
import { correctedContact, movedContact, type OrganisationContactInput } from "./organisation-contact.js";
import { PartyErrors } from "./party.errors.js";
import { ORGANISATION_EDITORS, ORGANISATION_REGISTRARS, REGISTRARS_OF_ANY_KIND } from "./party.roles.js";
import type { OrganisationRow } from "./organisation-lookup.js";
import { staleRecord } from "./record-version.js";
import { administersRegisteredCustomer } from "./registered-customer-administration.js";

export interface UpdateOrganisationInput extends OrganisationContactInput {
  organisationId: string;
  expectedVersion: number;
  /** Omitted: unchanged. */
  name?: string | null;
  organisationNumber?: string | null;
  /** A customer's annual-meeting month (1–12); null clears it (decision 0072). */
  annualMeetingMonth?: number | null;
}

/**
 * Vendor admins reach every organisation, sellers the customers, an organisation's admin its own, a partner admin
 * also the customers its partner registered (decision 0104).
 */
export function mayCorrectOrganisation(
  viewer: Viewer,
  org: Pick<OrganisationRow, "id" | "kind" | "registeredByPartnerId">,
): boolean {
  if (!holds(viewer, ORGANISATION_EDITORS)) return false;
  if (holds(viewer, REGISTRARS_OF_ANY_KIND)) return true;
  // Sellers correct the customers they may register.
  if (holds(viewer, ORGANISATION_REGISTRARS)) return org.kind === "CUSTOMER";
  return org.id === viewer.organisationId || administersRegisteredCustomer(viewer, org);
}

/**
 * Correct an organisation's name, number, annual-meeting month or contact. Scoped like reads: one the caller may not
 * see or not correct answers NOT_FOUND, as a missing one does. The audit keeps what it was and what it became.
 */
export async function updateOrganisation(
  db: Db,
  viewer: Viewer,
  input: UpdateOrganisationInput,
): Promise<Result<OrganisationRow>> {
  if (!holds(viewer, ORGANISATION_EDITORS)) throw forbidden();
  const name = input.name?.trim();
  if (name !== undefined && !isReadableName(name))
    return userError("INVALID_INPUT", "The name must contain at least one letter or digit.", ["input", "name"]);
  let organisationNumber: string | undefined;
  if (input.organisationNumber != null) {
    const number = organisationNumberOf(input.organisationNumber);
    if (typeof number !== "string") return number;
    organisationNumber = number;
  }
  const taken = userError(
    PartyErrors.ORGANISATION_NUMBER_TAKEN,
    `Organisation number ${organisationNumber} is already registered.`,
    ["input", "organisationNumber"],
  );
  try {
    return await mutate(db, async (tx) => {
      const [org] = await tx
        .select()
        .from(organisations)
        .where(and(organisationScope(viewer), eq(organisations.id, input.organisationId)))
        .for("update");
      if (!org || !mayCorrectOrganisation(viewer, org))
        return userError(PartyErrors.NOT_FOUND, "No such organisation.", ["input", "organisationId"]);
      const stale = staleRecord("organisation", input.expectedVersion, org.version);
      if (stale) return stale;
      if (organisationNumber && organisationNumber !== org.organisationNumber) {
        const [other] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.organisationNumber, organisationNumber), ne(organisations.id, org.id)));
        if (other) return taken;
      }
      if (input.annualMeetingMonth != null && org.kind !== "CUSTOMER")
        return userError(PartyErrors.NOT_A_CUSTOMER, "Only a customer holds an annual meeting that Trygg asks about.", [
          "input",
          "annualMeetingMonth",
        ]);
      const contact = correctedContact(org, input);
      if ("errors" in contact) return contact;
      const month = input.annualMeetingMonth === undefined ? org.annualMeetingMonth : input.annualMeetingMonth;
      // The month is in the audit only when it moved: most corrections are of a name or number.
      const monthMoved = month !== org.annualMeetingMonth;
      const contactMoved = movedContact(org, contact.ok);
      const after = {
        name: name ?? org.name,
        organisationNumber: organisationNumber ?? org.organisationNumber,
        ...(monthMoved ? { annualMeetingMonth: month } : {}),
        ...contactMoved.after,
      };
      const [row] = await tx
        .update(organisations)
        .set({ ...after, ...contact.ok, annualMeetingMonth: month, version: sql`${organisations.version} + 1` })
        .where(eq(organisations.id, org.id))
        .returning();
      await recordAudit(tx, viewer, {
        action: "organisation.update",
        objectType: "Organisation",
        objectId: org.id,
        organisationId: org.id,
        details: {
          before: {
            name: org.name,
            organisationNumber: org.organisationNumber,
            ...(monthMoved ? { annualMeetingMonth: org.annualMeetingMonth } : {}),
            ...contactMoved.before,
          },
          after,
        },
      });
      return ok(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return taken;
    throw e;
  }
}
