import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";

const MAX_ATTEMPTS = 5;

/**
 * Delivers queued e-mail. With SMTP_URL set it sends through that server; without it (development,
 * the demo) nodemailer's JSON transport builds the message and the log shows it, so nothing leaves
 * the machine and nothing piles up.
 */
export function createOutboxSender(opts: { db: Db; logger: Logger; smtpUrl?: string; from: string }) {
  const transport: Transporter = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : nodemailer.createTransport({ jsonTransport: true });

  async function deliverPending(): Promise<number> {
    const pending = await opts.db
      .select()
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(20);
    let sent = 0;
    for (const mail of pending) {
      try {
        await transport.sendMail({ from: opts.from, to: mail.toAddress, subject: mail.subject, text: mail.body });
        await opts.db.update(emailOutbox).set({ sentAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1` }).where(eq(emailOutbox.id, mail.id));
        opts.logger.info({ to: mail.toAddress, subject: mail.subject, transport: opts.smtpUrl ? "smtp" : "log" }, "e-mail delivered");
        sent++;
      } catch (e) {
        await opts.db
          .update(emailOutbox)
          .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: String(e) })
          .where(eq(emailOutbox.id, mail.id));
        opts.logger.warn({ err: e, to: mail.toAddress }, "e-mail delivery failed; will retry");
      }
    }
    return sent;
  }

  let timer: NodeJS.Timeout | undefined;
  return {
    deliverPending,
    start(intervalMs = 10_000) {
      timer = setInterval(() => void deliverPending().catch((e) => opts.logger.error({ err: e }, "outbox sender failed")), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
