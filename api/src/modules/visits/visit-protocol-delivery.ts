import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { serviceVisits, users } from "../../db/schema/index.js";
import type { Logger } from "../../logger.js";
import { clockAt } from "../../shared/clock.js";
import { startPeriodicJob } from "../../shared/periodic-job.js";
import { systemViewerOf } from "../access/index.js";
import { mailProtocol } from "./visit-mail.js";
import type { ProtocolSendMode } from "./protocol-send-mode.js";
import type { ServiceVisitRow } from "./visit.service.js";

/** Whether the visit's newest protocol version is to be mailed now; asked again under the visit's lock. */
function protocolDue(visit: ServiceVisitRow, mode: ProtocolSendMode): boolean {
  if (!visit.completedAt || visit.cancelledAt || visit.protocolVersion == null) return false;
  if (visit.protocolVersion <= (visit.protocolSentVersion ?? 0)) return false;
  if (visit.protocolSentVersion != null) return true;
  return mode === "SIGNED" && visit.signedAt != null;
}

/** Read this many due protocols at a time: each is a PDF of a second or so. */
const PER_PASS = 20;

/**
 * Mails every protocol version that is due. Safe with several API processes: each visit is mailed under its lock
 * and only while it is still due there (mailProtocol), so one version is queued in the outbox once. It is sent
 * in the technician's name (who completed the visit), as if they had pressed "Skicka", and audited as automatic.
 */
export async function deliverDueProtocols(
  db: Db,
  mode: ProtocolSendMode,
  logger?: Logger,
  perPass = PER_PASS,
): Promise<number> {
  const clock = clockAt();
  let sent = 0;
  // Through every due protocol, a batch at a time: one that cannot go (no admin to mail yet) stays due but must not
  // hold back those behind it, as a first batch read again at every pass would.
  let after = null as { completedAt: Date; id: string } | null;
  for (;;) {
    const due = await dueBatch(db, mode, after, perPass);
    for (const { visit, email } of due) {
      const viewer = await systemViewerOf(db, email);
      if (!viewer) continue;
      const r = await mailProtocol(db, viewer, visit.id, clock, (v) => protocolDue(v, mode));
      if ("errors" in r) {
        // NO_RECIPIENTS stays due: the protocol goes once the customer has an admin. Said at each pass, as it waits.
        logger?.warn({ visitId: visit.id, codes: r.errors.map((e) => e.code) }, "visit protocol not mailed");
      } else if (r.ok) sent++;
    }
    const last = due[due.length - 1]?.visit;
    // A cursor is exact to the millisecond, the column to the microsecond: never read the same batch twice.
    if (due.length < perPass || !last || last.id === after?.id) return sent;
    after = { completedAt: last.completedAt!, id: last.id };
  }
}

/** The next due protocols after `after` in the order they were completed (keyset on completed_at, id). */
function dueBatch(db: Db, mode: ProtocolSendMode, after: { completedAt: Date; id: string } | null, limit: number) {
  return db
    .select({ visit: serviceVisits, email: users.email })
    .from(serviceVisits)
    .innerJoin(users, eq(users.id, sql`coalesce(${serviceVisits.completedById}, ${serviceVisits.technicianId})`))
    .where(
      and(
        sql`${serviceVisits.protocolVersion} > coalesce(${serviceVisits.protocolSentVersion}, 0)`,
        isNull(serviceVisits.cancelledAt),
        mode === "SIGNED"
          ? or(isNotNull(serviceVisits.protocolSentVersion), isNotNull(serviceVisits.signedAt))
          : isNotNull(serviceVisits.protocolSentVersion),
        after
          ? sql`(${serviceVisits.completedAt}, ${serviceVisits.id}) > (${after.completedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(serviceVisits.completedAt, serviceVisits.id)
    .limit(limit);
}

export function startProtocolDelivery(
  db: Db,
  logger: Logger,
  mode: ProtocolSendMode,
  intervalMs: number,
): { stop(): Promise<void> } {
  return startPeriodicJob(async () => {
    try {
      const n = await deliverDueProtocols(db, mode, logger);
      if (n) logger.info({ mailed: n }, "visit protocols mailed");
    } catch (e) {
      logger.error({ err: e }, "visit protocol delivery failed");
    }
  }, intervalMs);
}
