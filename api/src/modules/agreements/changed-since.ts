import { gt, or, sql, type SQL } from "drizzle-orm";
import { agreements } from "../../db/schema/index.js";
import { clockAt, type Clock } from "../../shared/clock.js";
import { todayInSweden } from "../../shared/dates.js";
import { statusSql } from "./agreement-status.js";

/**
 * What a partner's incremental sync must read again since `since`: an agreement written since then (`updated_at`
 * moves with every write of it or its parts, migration 0017), and one whose status the calendar alone has changed — it
 * became ACTIVE, EXPIRING, EXPIRED or TERMINATED on a date that has come, with nothing written. The second is the
 * derived status on the day of `since` against today's, so no stored status has to be kept in step with the calendar.
 */
export function changedSince(since: Date, clock: Clock): SQL {
  const then = clockAt(todayInSweden(since), clock.windowDays);
  return or(gt(agreements.updatedAt, since), sql`${statusSql(then)} <> ${statusSql(clock)}`)!;
}
