import { and, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import { userError } from "../../shared/errors.js";
import { AgreementErrors as E } from "./agreement.errors.js";

/**
 * A deactivated customer or partner is never a party to a new agreement or a hand-over (decision 0085): it left or
 * closed, and its users can no longer log in to look after it.
 */
export function deactivatedParty(org: { name: string }, field: "customerId" | "partnerId") {
  return userError(E.ORGANISATION_DEACTIVATED, `${org.name} is deactivated.`, ["input", field]);
}

/** A draft whose customer or partner was deactivated since it was drawn up is not activated. */
export async function deactivatedPartyOf(db: DbOrTx, a: { customerId: string; partnerId: string | null }) {
  const ids = a.partnerId ? [a.customerId, a.partnerId] : [a.customerId];
  const [gone] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), isNotNull(organisations.deactivatedAt)));
  return gone ? deactivatedParty(gone, gone.id === a.customerId ? "customerId" : "partnerId") : null;
}
