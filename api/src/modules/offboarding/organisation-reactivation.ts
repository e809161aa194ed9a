import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { reopenOrganisation } from "../parties/index.js";
import { OffboardingErrors as E } from "./offboarding.errors.js";
import { ORGANISATION_REACTIVATORS } from "./offboarding.roles.js";

type OrganisationRow = typeof organisations.$inferSelect;

export interface ReactivateOrganisationInput {
  organisationId: string;
  expectedVersion: number;
  /** Why: kept in the audit trail. */
  reason: string;
}

/**
 * Brings a deactivated organisation back (decision 0091): it may again be a party and its people may be invited
 * back. What deactivation ended stays ended — terminated agreements are not revived (a returning customer signs a
 * new one), handed-over ones stay with their new partner, revoked tokens and invitations stay revoked, and users stay
 * deactivated until an admin invites them again. Vendor admins only, at the version they read, with a reason.
 */
export async function reactivateOrganisation(
  db: Db,
  viewer: Viewer,
  input: ReactivateOrganisationInput,
): Promise<Result<OrganisationRow>> {
  requireRole(viewer, ORGANISATION_REACTIVATORS);
  const reason = input.reason.trim();
  if (reason.length < 3)
    return userError(E.INVALID_INPUT, "Say why the organisation is reactivated.", ["input", "reason"]);
  return mutate(db, async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId)).for("update");
    if (!org) return userError(E.NOT_FOUND, "No such organisation.", ["input", "organisationId"]);
    if (!org.deactivatedAt)
      return userError(E.ORGANISATION_NOT_DEACTIVATED, `${org.name} is not deactivated.`, ["input", "organisationId"]);
    if (org.version !== input.expectedVersion)
      return userError(
        E.STALE_VERSION,
        `The organisation changed since you read it (version ${org.version}, not ${input.expectedVersion}).`,
        ["input", "expectedVersion"],
      );
    const after = await reopenOrganisation(tx, org.id);
    await recordAudit(tx, viewer, {
      action: "organisation.reactivate",
      objectType: "Organisation",
      objectId: org.id,
      organisationId: org.id,
      details: {
        reason,
        before: { deactivatedAt: org.deactivatedAt.toISOString(), version: org.version },
        after: { deactivatedAt: null, version: after.version },
      },
    });
    return ok(after);
  });
}
