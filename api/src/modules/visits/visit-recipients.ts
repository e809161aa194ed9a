import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import type { AgreementRecord } from "../agreements/index.js";
import { CUSTOMER_RECIPIENTS, PARTNER_RECIPIENTS } from "./visit.roles.js";

/** The customer's admins, who receive protocols and reminders for their organisation. */
export async function customerAdmins(db: DbOrTx, agreement: Pick<AgreementRecord, "customerId">) {
  return db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, agreement.customerId), inArray(users.role, [...CUSTOMER_RECIPIENTS])));
}

/** The agreement's partner (the signatory), through its admins. */
export async function partnerAdmins(db: DbOrTx, agreement: Pick<AgreementRecord, "partnerId">) {
  if (!agreement.partnerId) return [];
  return db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, agreement.partnerId), inArray(users.role, [...PARTNER_RECIPIENTS])));
}

export function uniqueAddresses(...lists: { email: string }[][]): string[] {
  return [...new Set(lists.flat().map((u) => u.email))];
}
