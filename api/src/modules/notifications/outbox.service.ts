import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { boundedCount } from "../../shared/bounded-count.js";
import { paginateKeyset, type KeyValue, type PageRequest } from "../../shared/connection.js";
import { keysetOrder } from "../../shared/keyset-order.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { OUTBOX_CHANNEL } from "./email.service.js";
import { OutboxErrors as E } from "./outbox.errors.js";
import { OUTBOX_KEEPERS } from "./outbox.roles.js";

export type EmailRow = typeof emailOutbox.$inferSelect;
export type EmailState = EmailRow["state"];

/** The outbox, newest first, narrowed to some states (all when none given). Admins only. */
export async function listEmails(
  db: Db,
  viewer: Viewer,
  filter: { states?: readonly EmailState[] | null },
  page: PageRequest,
) {
  requireRole(viewer, OUTBOX_KEEPERS);
  const where = filter.states?.length ? inArray(emailOutbox.state, [...filter.states]) : undefined;
  return paginateKeyset(
    page,
    NEWEST_FIRST.sortKey,
    () => boundedCount(db, emailOutbox, where),
    async (window) => ({
      rows: await db
        .select({ ...getTableColumns(emailOutbox), cursorKey: NEWEST_FIRST.cursorKey })
        .from(emailOutbox)
        .where(and(where, NEWEST_FIRST.within(window)))
        .orderBy(...NEWEST_FIRST.orderBy(window))
        .limit(window.limit),
      totalCount: null,
      bounded: true,
    }),
    ({ cursorKey: _key, ...row }) => row,
  );
}

/** Newest first, by the index on (created_at, id) read backwards. */
const NEWEST_FIRST = keysetOrder<EmailRow & { cursorKey: KeyValue[] }>(
  [
    { sql: emailOutbox.createdAt, part: "timestamp" },
    { sql: emailOutbox.id, part: "uuid" },
  ],
  "desc",
);

/**
 * Sends a FAILED mail again: back to PENDING with a fresh round of attempts, due now. A person
 * retries after mending the cause (an address, the SMTP server), so a passing hiccup during the
 * new round still gets the back-off. The earlier attempts and error stay in the audit trail.
 */
export async function retryEmail(db: Db, viewer: Viewer, input: { emailId: string }): Promise<Result<EmailRow>> {
  requireRole(viewer, OUTBOX_KEEPERS);
  return mutate(db, async (tx) => {
    const [mail] = await tx.select().from(emailOutbox).where(eq(emailOutbox.id, input.emailId)).for("update");
    if (!mail) return userError(E.NOT_FOUND, "No such e-mail.", ["input", "emailId"]);
    if (mail.state !== "FAILED")
      return userError(
        E.EMAIL_NOT_FAILED,
        `The e-mail is ${mail.state.toLowerCase()}; only a failed one is sent again.`,
        ["input", "emailId"],
      );
    const [row] = await tx
      .update(emailOutbox)
      .set({ state: "PENDING", attempts: 0, nextAttemptAt: sql`now()` })
      .where(and(eq(emailOutbox.id, mail.id), eq(emailOutbox.state, "FAILED")))
      .returning();
    await recordAudit(tx, viewer, {
      action: "email.retry",
      objectType: "EmailMessage",
      objectId: mail.id,
      details: { to: mail.toAddress, subject: mail.subject, attempts: mail.attempts, lastError: mail.lastError },
    });
    await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
    return ok(row!);
  });
}
