import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { addOns, hostedService } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import type { Clock } from "../../shared/clock.js";
import type { IsoDate } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import {
  agreementNotFound,
  bumpVersion,
  lockAgreement,
  type AddOnKind,
  type AddOnRow,
  type AgreementRecord,
} from "./agreement-records.js";
import { isValid } from "./agreement-status.js";
import { AgreementErrors as E } from "./agreement.errors.js";
import { ADD_ON_ACTORS, ADD_ON_ORDERERS } from "./agreement.roles.js";
import { NO_PRICE_ASKED, orderPrice, priceRequestRefused, type PriceRequest } from "../pricing/index.js";
import { tellSellerOfOrder } from "./order-notice.js";

/** The services Aptus Hosting can host; the GraphQL enum is made from this list (the column keeps them as text). */
export const HOSTED_SERVICES = hostedService.enumValues;

/**
 * An add-on runs from its first day while it is not ended, not past an end ahead of it (a renewal quote's, decision
 * 0090), and the agreement is valid: it never outlives the agreement.
 */
export function addOnIsActive(addOn: AddOnRow, agreement: AgreementRecord, today: IsoDate): boolean {
  return addOn.startsOn <= today && !addOnIsOver(addOn, today) && isValid(agreement.status);
}

/** Ended, or past the end a renewal gave it: nothing more can be done with it. */
function addOnIsOver(addOn: Pick<AddOnRow, "endedOn" | "endsOn">, today: IsoDate): boolean {
  return !!addOn.endedOn || (!!addOn.endsOn && addOn.endsOn < today);
}

/**
 * `addOnIsOver` negated, in SQL: the add-on has not ended and is not past its end. Hosting and monitoring read it
 * without the first day: a carried add-on's new row (decision 0090) starts the day after its old row ends, so the two
 * cover the agreement without a gap, and checks recorded back in time stay covered as before.
 */
export function addOnNotOverSql(today: IsoDate): SQL {
  return and(isNull(addOns.endedOn), or(isNull(addOns.endsOn), sql`${addOns.endsOn} >= ${today}::date`))!;
}

/** The services each running Aptus Hosting add-on of an agreement hosts: what stops with it if it is not renewed. */
export async function hostingRunning(db: DbOrTx, agreementId: string, today: IsoDate): Promise<string[][]> {
  const rows = await db
    .select({ services: addOns.hostedServices })
    .from(addOns)
    .where(and(eq(addOns.agreementId, agreementId), eq(addOns.kind, "HOSTING"), addOnNotOverSql(today)));
  return rows.map((r) => r.services ?? []);
}

/** Add-ons newest first, as they are listed. */
export function newestAddOnsFirst(rows: readonly AddOnRow[]): AddOnRow[] {
  return [...rows].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
}

/**
 * Orders hosting or monitoring from today at the list price of today, unless vendor staff agreed another
 * (order-price.ts).
 */
export async function orderAddOn(
  db: Db,
  viewer: Viewer,
  input: { agreementId: string; kind: AddOnKind; hostedServices?: string[] | null; price?: PriceRequest },
  clock: Clock,
) {
  requireRole(viewer, ADD_ON_ORDERERS);
  return mutate(db, async (tx): Promise<Result<AddOnRow>> => {
    // The agreement first: another tenant's answers as a missing one, whatever the input (decision 0039).
    const a = await lockAgreement(tx, viewer, input.agreementId, clock);
    if (!a) return agreementNotFound();
    const refused = priceRequestRefused(viewer, input.price ?? NO_PRICE_ASKED);
    if (refused) return refused;
    const services = [...new Set(input.hostedServices ?? [])];
    if (input.kind === "HOSTING" && services.length === 0) {
      return userError(
        E.INVALID_INPUT,
        "Choose the services to host: Bokning, Förbrukning, FDB, Aptusportal, Hantera.",
        ["input", "hostedServices"],
      );
    }
    if (input.kind === "MONITORING" && services.length > 0)
      return userError(E.INVALID_INPUT, "Monitoring has no hosted services.", ["input", "hostedServices"]);
    if (!isValid(a.status)) {
      return userError(
        E.AGREEMENT_REQUIRED,
        `${input.kind === "HOSTING" ? "Aptus Hosting" : "System monitoring"} requires a valid support agreement; ${a.number} is ${a.status.toLowerCase()}.`,
        ["input", "agreementId"],
      );
    }
    const [existing] = await tx
      .select({ id: addOns.id })
      .from(addOns)
      .where(and(eq(addOns.agreementId, a.id), eq(addOns.kind, input.kind), addOnNotOverSql(clock.today)));
    if (existing)
      return userError(E.ADD_ON_ALREADY_ORDERED, `The agreement already has ${input.kind.toLowerCase()}.`, [
        "input",
        "kind",
      ]);
    const price = await orderPrice(
      tx,
      viewer,
      { item: input.kind, quantity: 1, startsOn: clock.today },
      input.price ?? NO_PRICE_ASKED,
    );
    if ("errors" in price) return price;
    const [row] = await tx
      .insert(addOns)
      .values({ agreementId: a.id, kind: input.kind, hostedServices: services, ...price.ok, startsOn: clock.today })
      .returning();
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "addOn.order",
      objectType: "AddOn",
      objectId: row!.id,
      organisationId: a.customerId,
      details: { agreementId: a.id, kind: input.kind, hostedServices: services, ...price.ok },
    });
    await tellSellerOfOrder(tx, viewer, a, {
      thing: { addOn: input.kind },
      monthlyPriceMinor: price.ok.monthlyPriceMinor,
      startsOn: clock.today,
    });
    return ok(row!);
  });
}

export async function cancelAddOn(db: Db, viewer: Viewer, input: { addOnId: string }, clock: Clock) {
  requireRole(viewer, ADD_ON_ACTORS);
  return mutate(db, async (tx): Promise<Result<AddOnRow>> => {
    const [addOn] = await tx.select().from(addOns).where(eq(addOns.id, input.addOnId));
    const a = addOn && (await lockAgreement(tx, viewer, addOn.agreementId, clock));
    if (!addOn || !a) return userError(E.NOT_FOUND, "No such add-on.", ["input", "addOnId"]);
    if (addOnIsOver(addOn, clock.today))
      return userError(E.ALREADY_ENDED, "The add-on has already ended.", ["input", "addOnId"]);
    const [row] = await tx
      .update(addOns)
      .set({ endedOn: clock.today, endReason: "CANCELLED" })
      .where(eq(addOns.id, addOn.id))
      .returning();
    // A renewal quote carried it into the next period as a new row: cancelled now, that one never starts.
    await tx
      .update(addOns)
      .set({ endedOn: clock.today, endReason: "CANCELLED" })
      .where(and(eq(addOns.carriedFromId, addOn.id), isNull(addOns.endedOn)));
    await bumpVersion(tx, a.id);
    await recordAudit(tx, viewer, {
      action: "addOn.cancel",
      objectType: "AddOn",
      objectId: addOn.id,
      organisationId: a.customerId,
      details: { agreementId: a.id, kind: addOn.kind },
    });
    return ok(row!);
  });
}
