import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { agreements, renewalQuotes } from "../../db/schema/index.js";
import { agreementScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import type { RenewalQuoteRow } from "./renewal-quote.js";

/** The agreement's newest quote (open, or the last answer the customer got); the caller has read the agreement. */
export async function latestQuote(db: DbOrTx, agreementId: string): Promise<RenewalQuoteRow | null> {
  const [q] = await db
    .select()
    .from(renewalQuotes)
    .where(eq(renewalQuotes.agreementId, agreementId))
    .orderBy(desc(renewalQuotes.requestedAt))
    .limit(1);
  return q ?? null;
}

/** Quotes waiting for a seller, oldest first, within what the viewer may see (the agreement's scope). */
export async function openQuotes(db: DbOrTx, viewer: Viewer): Promise<RenewalQuoteRow[]> {
  const rows = await db
    .select({ quote: renewalQuotes })
    .from(renewalQuotes)
    .innerJoin(agreements, eq(agreements.id, renewalQuotes.agreementId))
    .where(and(eq(renewalQuotes.state, "REQUESTED"), agreementScope(viewer)))
    .orderBy(asc(renewalQuotes.requestedAt))
    .limit(200);
  return rows.map((r) => r.quote);
}
