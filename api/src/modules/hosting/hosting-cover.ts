import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { addOns, agreements, type hostedService } from "../../db/schema/index.js";
import type { Clock } from "../../shared/clock.js";
import { addOnNotOverSql, statusSql, VALID_STATUSES } from "../agreements/index.js";

export type HostedService = (typeof hostedService.enumValues)[number];

/** What Aptus Hosting covers for one customer today: the agreement whose add-on hosts each service. */
export interface HostingCover {
  customerId: string;
  /** Service → the agreement whose running HOSTING add-on hosts it (the oldest agreement when several do). */
  services: Map<HostedService, string>;
}

/**
 * The customers hosted today and what is hosted for them: a HOSTING add-on that has not ended on an
 * agreement valid by the agreements' own rule. Hosting "requires a valid support agreement", so a
 * lapsed agreement hosts nothing here even before the lapse job ends its add-on.
 */
export async function hostingCovers(db: DbOrTx, clock: Clock, customerIds?: readonly string[]) {
  if (customerIds && customerIds.length === 0) return new Map<string, HostingCover>();
  const rows = await db
    .select({ customerId: agreements.customerId, agreementId: agreements.id, services: addOns.hostedServices })
    .from(addOns)
    .innerJoin(agreements, eq(agreements.id, addOns.agreementId))
    .where(
      and(
        eq(addOns.kind, "HOSTING"),
        addOnNotOverSql(clock.today),
        inArray(statusSql(clock), [...VALID_STATUSES]),
        customerIds ? inArray(agreements.customerId, [...customerIds]) : undefined,
      ),
    )
    .orderBy(asc(agreements.createdAt), asc(agreements.id));
  const covers = new Map<string, HostingCover>();
  for (const r of rows) {
    const cover = covers.get(r.customerId) ?? { customerId: r.customerId, services: new Map() };
    for (const s of r.services as HostedService[]) if (!cover.services.has(s)) cover.services.set(s, r.agreementId);
    covers.set(r.customerId, cover);
  }
  return covers;
}

export async function hostingCover(db: DbOrTx, clock: Clock, customerId: string): Promise<HostingCover | null> {
  return (await hostingCovers(db, clock, [customerId])).get(customerId) ?? null;
}
