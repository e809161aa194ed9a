import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { agreements, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import { findOrganisation } from "../parties/index.js";
import {
  agreementNotFound,
  bumpVersion,
  lockAgreement,
  staleVersion,
  type AgreementRecord,
} from "./agreement-records.js";
import { AgreementErrors as E } from "./agreement.errors.js";
import { deactivatedParty } from "./deactivated-party.js";
import { AGREEMENT_MANAGERS, SELLERS } from "./agreement.roles.js";

export interface ChangeAgreementPartiesInput {
  agreementId: string;
  expectedVersion: number;
  /** Omitted keeps the seller; an agreement always has one once named. */
  sellerId?: string | null;
  /** Omitted keeps the partner; null: the customer deals with the vendor directly. */
  partnerId?: string | null;
}

/**
 * Hands an agreement to another seller or partner, with the same checks as creating one (NOT_A_SELLER,
 * NOT_A_PARTNER). Scoped like reads: a seller reaches only his own agreements, so handing one to a colleague is
 * his last change to it. Who sees the agreement follows at once: the scopes read these two columns (decision 0074).
 */
export async function changeAgreementParties(
  db: DbOrTx,
  viewer: Viewer,
  input: ChangeAgreementPartiesInput,
  clock: Clock,
): Promise<Result<AgreementRecord>> {
  requireRole(viewer, AGREEMENT_MANAGERS);
  return mutate(db, async (tx) => {
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return agreementNotFound();
    const stale = staleVersion(input.expectedVersion, a);
    if (stale) return stale;
    const next = { sellerId: a.sellerId, partnerId: a.partnerId };
    if (input.sellerId != null) {
      const [seller] = await tx.select().from(users).where(eq(users.id, input.sellerId));
      if (!seller) return userError(E.NOT_FOUND, "No such seller.", ["input", "sellerId"]);
      if (!holds(seller, SELLERS) || seller.deactivatedAt)
        return userError(E.NOT_A_SELLER, `${seller.name} is not an active seller.`, ["input", "sellerId"]);
      next.sellerId = seller.id;
    }
    if (input.partnerId !== undefined) {
      if (input.partnerId === null) next.partnerId = null;
      else {
        const partner = await findOrganisation(tx, viewer, input.partnerId);
        if (!partner) return userError(E.NOT_FOUND, "No such partner.", ["input", "partnerId"]);
        if (partner.kind !== "PARTNER")
          return userError(E.NOT_A_PARTNER, `${partner.name} is not a partner.`, ["input", "partnerId"]);
        if (partner.deactivatedAt) return deactivatedParty(partner, "partnerId");
        next.partnerId = partner.id;
      }
    }
    const keys = (["sellerId", "partnerId"] as const).filter((k) => next[k] !== a[k]);
    if (keys.length === 0) return ok(a);
    await tx.update(agreements).set(next).where(eq(agreements.id, a.id));
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "agreement.parties",
      objectType: "Agreement",
      objectId: a.id,
      organisationId: a.customerId,
      details: {
        before: Object.fromEntries(keys.map((k) => [k, a[k]])),
        after: Object.fromEntries(keys.map((k) => [k, next[k]])),
      },
    });
    // Read back by id, not through the caller's scope: a seller who handed it on no longer sees it.
    const [row] = await tx.select().from(agreements).where(eq(agreements.id, a.id));
    return ok({ ...a, ...row! });
  });
}
