import { eq, inArray, or, sql, type AnyColumn } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { emailAttachments, emailOutbox } from "../../db/schema/index.js";

/**
 * A former user in the outbox (decision 0086). The mails sent to them keep that a mail went out and when, not to whom
 * or what it said: the address is replaced, the body and attachments are gone. Mails to others that name them (a
 * technician in a visit mail, a seller in a renewal) keep their text with the name replaced; an attached PDF made
 * then is the recipient's record and is left as it is.
 */
export async function anonymiseMailsTo(
  tx: Tx,
  user: { email: string; name: string },
  replacement: { email: string; name: string },
): Promise<number> {
  const mails = await tx
    .update(emailOutbox)
    .set({ toAddress: replacement.email, subject: "", body: "", html: null })
    .where(eq(emailOutbox.toAddress, user.email))
    .returning({ id: emailOutbox.id });
  if (mails.length)
    await tx.delete(emailAttachments).where(
      inArray(
        emailAttachments.emailId,
        mails.map((m) => m.id),
      ),
    );
  const swap = (column: AnyColumn) =>
    sql`replace(replace(${column}, ${user.name}::text, ${replacement.name}::text), ${user.email}::text, ${replacement.email}::text)`;
  const mentions = (column: AnyColumn) =>
    or(sql`strpos(${column}, ${user.name}::text) > 0`, sql`strpos(${column}, ${user.email}::text) > 0`);
  await tx
    .update(emailOutbox)
    .set({ subject: swap(emailOutbox.subject), body: swap(emailOutbox.body), html: swap(emailOutbox.html) })
    .where(or(mentions(emailOutbox.subject), mentions(emailOutbox.body), mentions(emailOutbox.html)));
  return mails.length;
}
