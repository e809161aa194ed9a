import { and, isNotNull, lt, not, sql, like } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { hanteraAccounts } from "../../db/schema/index.js";
import { FORMER_USER_NAME } from "../parties/index.js";

/**
 * Hantera accounts deactivated before `cutoff` lose the person's name and address (decision 0086), as Trygg's own
 * former users do: the row stays for the agreement's history and quota counts. Idempotent: an anonymised row's
 * address ends in `@anonymised.invalid` and is not taken again.
 */
/** Whether a Hantera account's holder was anonymised: the one mark the job leaves, the address it writes. */
export function isAnonymisedHanteraAccount(account: { email: string }): boolean {
  return account.email.endsWith(ANONYMISED_DOMAIN);
}

const ANONYMISED_DOMAIN = "@anonymised.invalid";

export async function anonymiseFormerHanteraAccounts(tx: Tx, cutoff: Date): Promise<number> {
  const done = await tx
    .update(hanteraAccounts)
    .set({
      name: FORMER_USER_NAME,
      email: sql`'former-account-' || ${hanteraAccounts.id} || ${ANONYMISED_DOMAIN}`,
    })
    .where(
      and(
        isNotNull(hanteraAccounts.deactivatedAt),
        lt(hanteraAccounts.deactivatedAt, cutoff),
        not(like(hanteraAccounts.email, `%${ANONYMISED_DOMAIN}`)),
      ),
    )
    .returning({ id: hanteraAccounts.id });
  return done.length;
}
