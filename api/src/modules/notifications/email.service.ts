import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { emailAttachments, emailOutbox } from "../../db/schema/index.js";

/** The channel on which a committed mail wakes the outbox senders of every API process. */
export const OUTBOX_CHANNEL = "email_outbox";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** Plain text; always sent, so every mail reader can show it. */
  body: string;
  html?: string;
  attachments?: EmailAttachment[];
}

/**
 * Queues an e-mail in the same transaction as the change that causes it, so a rolled-back change
 * sends nothing and a committed one cannot lose its message (attachments included). The outbox
 * sender delivers it; PostgreSQL hands the notification over only when the transaction commits.
 */
export async function queueEmail(tx: DbOrTx, mail: OutgoingEmail): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: mail.to, subject: mail.subject, body: mail.body, html: mail.html ?? null })
    .returning({ id: emailOutbox.id });
  const emailId = row!.id;
  if (mail.attachments?.length) {
    await tx.insert(emailAttachments).values(
      mail.attachments.map((a, position) => ({
        emailId,
        position,
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    );
  }
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  return emailId;
}
