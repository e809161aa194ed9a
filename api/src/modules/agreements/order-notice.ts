import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { isVendorStaff, type Viewer } from "../../shared/viewer.js";
import { queueEmail } from "../notifications/index.js";
import type { AgreementRecord, LicenceKind } from "./agreement-records.js";

/** The licence kinds as the seller calls them. */
export const LICENCE_NAMES: Record<LicenceKind, string> = {
  BOOKING: "Bokning",
  HANTERA: "Hantera",
  CONSUMPTION: "Förbrukning",
};

/** 149 500 öre → "1 495,00 kr", as a Swedish reader writes it. */
function kronor(minor: number): string {
  const whole = String(Math.floor(minor / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${whole},${String(minor % 100).padStart(2, "0")} kr`;
}

/**
 * A paid order placed by the customer (or its partner) is news to the agreement's seller, who did
 * not negotiate it: the seller is e-mailed in the order's transaction, so no order goes untold and a
 * refused order tells nothing. Orders placed by vendor staff are the seller's own business.
 */
export async function tellSellerOfOrder(
  tx: Tx,
  viewer: Viewer,
  a: AgreementRecord,
  order: { what: string; monthlyPriceMinor: number; startsOn: string; endsOn?: string },
): Promise<void> {
  if (isVendorStaff(viewer) || !a.sellerId) return;
  const [seller] = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, a.sellerId));
  if (!seller) return;
  const period = order.endsOn
    ? `${order.startsOn} – ${order.endsOn}`
    : `från ${order.startsOn} så länge avtalet gäller`;
  await queueEmail(tx, {
    to: seller.email,
    subject: `Trygg: ny beställning på avtal ${a.number}: ${order.what}`,
    body: `Hej ${seller.name}!\n\n${viewer.name} har beställt ${order.what} på avtal ${a.number} till listpris, ${kronor(order.monthlyPriceMinor)} per månad (${period}).\n\nBeställningen syns i avtalets historik i Trygg.\n`,
  });
}
