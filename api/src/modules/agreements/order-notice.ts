import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { isVendorStaff, type Viewer } from "../../shared/viewer.js";
import { queueMail } from "../notifications/index.js";
import type { AgreementRecord } from "./agreement-records.js";
import { ORDER_MAIL, type OrderedThing } from "./order.mails.js";

/**
 * A paid order placed by the customer (or its partner) is news to the agreement's seller, who did
 * not negotiate it: the seller is e-mailed in the order's transaction, so no order goes untold and a
 * refused order tells nothing. Orders placed by vendor staff are the seller's own business.
 */
export async function tellSellerOfOrder(
  tx: Tx,
  viewer: Viewer,
  a: AgreementRecord,
  order: { thing: OrderedThing; monthlyPriceMinor: number; startsOn: string; endsOn?: string },
): Promise<void> {
  if (isVendorStaff(viewer) || !a.sellerId) return;
  const [seller] = await tx.select().from(users).where(eq(users.id, a.sellerId));
  if (!seller) return;
  await queueMail(tx, ORDER_MAIL, seller, { ...order, seller: seller.name, orderedBy: viewer.name, number: a.number });
}
