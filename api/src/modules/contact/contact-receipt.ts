import type { DbOrTx } from "../../db/client.js";
import { queueMail } from "../notifications/index.js";
import { CONTACT_RECEIPT_MAIL } from "./contact.mails.js";
import type { ContactRequestKind } from "./contact.enums.js";

/** Queues the sender's receipt (contact.mails.ts), counted on the support calendar by the caller. */
export async function sendContactReceipt(
  db: DbOrTx,
  to: { email: string; name: string },
  kind: ContactRequestKind,
  facts: { dueAt: Date; openNow: boolean; nextOpening: Date },
) {
  await queueMail(
    db,
    CONTACT_RECEIPT_MAIL,
    { email: to.email, language: "SV" },
    { name: to.name, kind, dueAt: facts.dueAt, opensAt: facts.openNow ? null : facts.nextOpening },
  );
}
