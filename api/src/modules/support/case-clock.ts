import { and, asc, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { supportCasePauses, supportCases } from "../../db/schema/index.js";
import { readClock, type ClockFacts, type ClockReading } from "./response-clock.js";
import { MS_PER_HOUR, type SupportCalendar } from "./support-calendar.js";
import { supportCalendar } from "./support-calendar.service.js";
import type { PauseRow, SupportCaseRow } from "./support-case.service.js";

/** The waiting-on-customer pauses of cases, in order: the clock stands still during each. */
export function pausesOf(db: DbOrTx, caseIds: readonly string[]) {
  return db.select().from(supportCasePauses).where(inArray(supportCasePauses.caseId, [...caseIds])).orderBy(asc(supportCasePauses.startedAt));
}

/** What a case's clock is computed from: its opening, its target and its pauses. */
export function clockFacts(c: SupportCaseRow, pauses: readonly PauseRow[]): ClockFacts {
  return {
    openedAt: c.openedAt.getTime(),
    targetMs: Math.round(c.responseTargetHours * MS_PER_HOUR),
    pauses: pauses.map((p) => ({ startedAt: p.startedAt.getTime(), endedAt: p.endedAt?.getTime() ?? null })),
  };
}

/** Where a case stands against its first-response deadline, as the queue marks it. */
export type CaseDeadline = "OVERDUE" | "NEAR_DEADLINE";

/** The clock runs until the first answer, and only while the case is open or waiting on the customer. */
export function clockRuns(c: Pick<SupportCaseRow, "firstRespondedAt" | "status">): boolean {
  return !c.firstRespondedAt && (c.status === "OPEN" || c.status === "WAITING_ON_CUSTOMER");
}

/** A case's clock at `now`: the one reading behind `openHoursLeft`, `nearDeadline`, `overdue` and the deadline filter. */
export function clockOfCase(calendar: SupportCalendar, c: SupportCaseRow, pauses: readonly PauseRow[], now: number): ClockReading {
  return readClock(calendar, clockFacts(c, pauses), { running: clockRuns(c), stoppedAt: c.firstRespondedAt?.getTime() ?? null }, now);
}

/**
 * The cases under `where` at the given deadline mark, as a condition on their ids. Open hours depend
 * on the calendar, so the mark cannot be a column: the unanswered open cases (a queue's worth, not
 * the archive) are read and their clocks computed, as the queue computes them for each row.
 */
export async function atDeadline(db: DbOrTx, where: SQL | undefined, deadline: CaseDeadline, now: number): Promise<SQL> {
  const running = await db
    .select()
    .from(supportCases)
    .where(and(where, isNull(supportCases.firstRespondedAt), inArray(supportCases.status, ["OPEN", "WAITING_ON_CUSTOMER"])));
  if (running.length === 0) return inArray(supportCases.id, []);
  const [calendar, pauses] = await Promise.all([supportCalendar(db), pausesOf(db, running.map((c) => c.id))]);
  const ids = running
    .filter((c) => {
      const clock = clockOfCase(calendar, c, pauses.filter((p) => p.caseId === c.id), now);
      return deadline === "OVERDUE" ? clock.overdue : clock.nearDeadline;
    })
    .map((c) => c.id);
  return inArray(supportCases.id, ids);
}
