import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import type { AgreementRecord } from "../agreements/agreement.service.js";

/** The customer's admins, who receive protocols and reminders for their organisation. */
export async function customerAdmins(db: DbOrTx, agreement: Pick<AgreementRecord, "customerId">) {
  return db.select().from(users).where(and(eq(users.organisationId, agreement.customerId), eq(users.role, "CUSTOMER_ADMIN")));
}

/** The agreement's partner (the signatory), through its admins. */
export async function partnerAdmins(db: DbOrTx, agreement: Pick<AgreementRecord, "partnerId">) {
  if (!agreement.partnerId) return [];
  return db.select().from(users).where(and(eq(users.organisationId, agreement.partnerId), inArray(users.role, ["PARTNER_ADMIN"])));
}

export function uniqueAddresses(...lists: { email: string }[][]): string[] {
  return [...new Set(lists.flat().map((u) => u.email))];
}
