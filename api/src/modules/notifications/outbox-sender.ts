import { and, asc, eq, inArray, lte, min, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Database, Db } from "../../db/client.js";
import { emailAttachments, emailOutbox } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";
import { OUTBOX_CHANNEL } from "./email.service.js";

export interface OutboxSenderOptions {
  db: Db;
  logger: Logger;
  /** SMTP server; unset: nodemailer's JSON transport builds each message and the log shows it. */
  smtpUrl?: string;
  from: string;
  /** LISTEN on the outbox channel, so committed mail goes out at once rather than at the next poll. */
  listen?: Database["listen"];
  /** Attempts before a mail is FAILED (it stays in the table for a person to look at). */
  maxAttempts?: number;
  /** Wait after the first failure; doubled after each further one, up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claimed mail is left to its sender before another may take it (a sender that died). */
  leaseMs?: number;
  /** The slow poll behind LISTEN/NOTIFY: catches notifications lost while the database was away. */
  pollMs?: number;
  batchSize?: number;
}

interface Claim {
  id: string;
  attempt: number;
}

/**
 * Delivers queued e-mail. Several API processes may run a sender each on one database: a mail is
 * claimed with `FOR UPDATE SKIP LOCKED` and leased (its next attempt moved past the lease) in a
 * short transaction, so exactly one sender sends it, and no transaction stays open while SMTP talks.
 * Every outcome is written back only if the claim is still ours (same attempt number).
 */
export function createOutboxSender(opts: OutboxSenderOptions) {
  const maxAttempts = opts.maxAttempts ?? 10;
  const backoffMs = opts.backoffMs ?? 30_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 60 * 60_000;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const pollMs = opts.pollMs ?? 30_000;
  const batchSize = opts.batchSize ?? 10;
  const { db, logger } = opts;
  const transport: Transporter = opts.smtpUrl
    ? // Timeouts well inside the lease, so a hanging server cannot outlive our claim.
      nodemailer.createTransport({
        url: opts.smtpUrl,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      } as never)
    : nodemailer.createTransport({ jsonTransport: true });

  const later = (ms: number) => sql`now() + ${`${Math.round(ms)} milliseconds`}::interval`;

  async function claim(): Promise<Claim[]> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: emailOutbox.id, attempts: emailOutbox.attempts })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.state, "PENDING"), lte(emailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      await tx
        .update(emailOutbox)
        .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: later(leaseMs) })
        .where(
          inArray(
            emailOutbox.id,
            due.map((d) => d.id),
          ),
        );
      return due.map((d) => ({ id: d.id, attempt: d.attempts + 1 }));
    });
  }

  const stillOurs = (c: Claim) =>
    and(eq(emailOutbox.id, c.id), eq(emailOutbox.state, "PENDING"), eq(emailOutbox.attempts, c.attempt));

  async function deliver(c: Claim): Promise<boolean> {
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, c.id));
    if (!mail) return false;
    const attachments = await db
      .select()
      .from(emailAttachments)
      .where(eq(emailAttachments.emailId, c.id))
      .orderBy(asc(emailAttachments.position));
    try {
      await transport.sendMail({
        from: opts.from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.body,
        html: mail.html ?? undefined,
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        // The same id on every attempt lets a receiving server drop a copy sent twice after a crash.
        messageId: `<${mail.id}@trygg.outbox>`,
      });
    } catch (e) {
      const failed = c.attempt >= maxAttempts;
      const wait = Math.min(maxBackoffMs, backoffMs * 2 ** (c.attempt - 1));
      await db
        .update(emailOutbox)
        .set({
          lastError: String(e).slice(0, 2000),
          ...(failed ? { state: "FAILED" as const } : { nextAttemptAt: later(wait) }),
        })
        .where(stillOurs(c));
      if (failed)
        logger.error({ err: e, emailId: c.id, attempts: c.attempt }, "e-mail delivery failed for good; marked FAILED");
      else
        logger.warn(
          { err: e, emailId: c.id, attempt: c.attempt, retryInMs: wait },
          "e-mail delivery failed; will retry",
        );
      return false;
    }
    await db.update(emailOutbox).set({ state: "SENT", sentAt: new Date(), lastError: null }).where(stillOurs(c));
    logger.info(
      { emailId: c.id, to: mail.toAddress, subject: mail.subject, transport: opts.smtpUrl ? "smtp" : "log" },
      "e-mail delivered",
    );
    return true;
  }

  /** Sends every mail that is due now; the number sent. */
  async function deliverPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claims = await claim();
      if (claims.length === 0) return sent;
      for (const c of claims) if (await deliver(c)) sent++;
    }
  }

  let stopped = true;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | undefined;

  /** Runs one pass (or queues one after the current), then sleeps until the next mail is due or the poll. */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = (async () => {
      let nextInMs = pollMs;
      try {
        do {
          again = false;
          await deliverPending();
        } while (again && !stopped);
        // Measured by the database's clock, which set the times.
        const [row] = await db
          .select({ inMs: sql<string | null>`extract(epoch from (${min(emailOutbox.nextAttemptAt)} - now())) * 1000` })
          .from(emailOutbox)
          .where(eq(emailOutbox.state, "PENDING"));
        if (row?.inMs != null) nextInMs = Math.max(50, Math.min(pollMs, Number(row.inMs)));
      } catch (e) {
        // The database may be away; the poll tries again.
        logger.warn({ err: e }, "outbox sender pass failed; will try again");
      } finally {
        running = null;
        if (!stopped) {
          timer = setTimeout(wake, nextInMs);
          timer.unref();
        }
      }
    })();
  }

  return {
    deliverPending,
    async start(): Promise<void> {
      stopped = false;
      if (opts.listen) {
        try {
          unlisten = await opts.listen(OUTBOX_CHANNEL, wake);
        } catch (e) {
          logger.warn({ err: e }, "could not LISTEN for new mail; polling only");
        }
      }
      wake();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await unlisten?.().catch(() => {});
      await running;
    },
  };
}
