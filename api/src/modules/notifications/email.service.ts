import type { DbOrTx } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";

/**
 * Queues an e-mail in the same transaction as the change that causes it, so a rolled-back change
 * sends nothing and a committed one cannot lose its message. The outbox sender delivers it.
 */
export async function queueEmail(tx: DbOrTx, mail: { to: string; subject: string; body: string }): Promise<void> {
  await tx.insert(emailOutbox).values({ toAddress: mail.to, subject: mail.subject, body: mail.body });
}
