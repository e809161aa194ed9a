import { and, asc, inArray, isNull, max, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { supportCasePauses, supportCases } from "../../db/schema/index.js";
import { NEAR_DEADLINE_SHARE, readClock, type ClockFacts, type ClockReading } from "./response-clock.js";
import { MS_PER_HOUR, type SupportCalendar } from "./support-calendar.js";
import { supportCalendar } from "./support-calendar.service.js";
import type { PauseRow, SupportCaseRow } from "./support-case.service.js";

/** The waiting-on-customer pauses of cases, in order: the clock stands still during each. */
export function pausesOf(db: DbOrTx, caseIds: readonly string[]) {
  return db
    .select()
    .from(supportCasePauses)
    .where(inArray(supportCasePauses.caseId, [...caseIds]))
    .orderBy(asc(supportCasePauses.startedAt));
}

/**
 * A case has two clocks with the same opening and pauses: the first answer's and the resolution's, each with its own
 * target.
 */
export type CaseClock = "response" | "resolution";

/** What a case's clock is computed from: its opening, its target and its pauses. */
export function clockFacts(c: SupportCaseRow, pauses: readonly PauseRow[], clock: CaseClock = "response"): ClockFacts {
  const targetHours = clock === "response" ? c.responseTargetHours : c.resolutionTargetHours;
  return {
    openedAt: c.openedAt.getTime(),
    targetMs: Math.round(targetHours * MS_PER_HOUR),
    pauses: pauses.map((p) => ({ startedAt: p.startedAt.getTime(), endedAt: p.endedAt?.getTime() ?? null })),
  };
}

/**
 * Where a case stands against its first-response deadline, as the queue marks it; the GraphQL enum is made from this
 * list.
 */
export const CASE_DEADLINES = ["OVERDUE", "NEAR_DEADLINE"] as const;
export type CaseDeadline = (typeof CASE_DEADLINES)[number];

const CLOCK_STATUSES = ["OPEN", "WAITING_ON_CUSTOMER"] as const satisfies readonly SupportCaseRow["status"][];

/**
 * Both clocks run only while the case is open or waiting on the customer (a pause); the first answer's also stops at
 * the first answer. Resolving stops the resolution clock; a customer who reopens starts it again, the time it was
 * resolved counted as a pause (support-case-thread.service.ts).
 */
function clockRuns(c: Pick<SupportCaseRow, "firstRespondedAt" | "status">, clock: CaseClock = "response"): boolean {
  return (clock === "resolution" || !c.firstRespondedAt) && (CLOCK_STATUSES as readonly string[]).includes(c.status);
}

/**
 * A case's clock at `now`: the one reading behind `openHoursLeft`, `nearDeadline`, `overdue` and the deadline filter.
 * The time left is counted in open hours to the case's stored deadline, not again from the opening and the target: the
 * stored instant is the promise (mailed in the receipt, sent to partners, sorted on in the queue, acted on by the
 * escalation sweep), and a case can run from before it was opened (a contact-page request's, decision 0092), so a
 * page that counted for itself could call a case on time that the sweep escalates. Without a stored deadline (a
 * pause with time left) the time left is what the clock has not used.
 */
export function clockOfCase(
  calendar: SupportCalendar,
  c: SupportCaseRow,
  pauses: readonly PauseRow[],
  now: number,
  clock: CaseClock = "response",
): ClockReading {
  const stoppedAt = clock === "response" ? c.firstRespondedAt : c.resolvedAt;
  const facts = clockFacts(c, pauses, clock);
  const reading = readClock(
    calendar,
    facts,
    { running: clockRuns(c, clock), stoppedAt: stoppedAt?.getTime() ?? null },
    now,
  );
  const due = (clock === "response" ? c.responseDueAt : c.resolutionDueAt)?.getTime();
  if (reading.leftMs === null || due === undefined) return reading;
  const leftMs = due > now ? calendar.openMsBetween(now, due) : -calendar.openMsBetween(due, now);
  return {
    usedMs: reading.usedMs,
    leftMs,
    overdue: leftMs <= 0,
    nearDeadline: leftMs > 0 && leftMs <= (1 - NEAR_DEADLINE_SHARE) * facts.targetMs,
  };
}

/** The cases under `where` whose clock still runs (`clockRuns` as a condition), each with its pauses. */
export async function runningCases(
  db: DbOrTx,
  where: SQL | undefined,
  clock: CaseClock = "response",
): Promise<{ row: SupportCaseRow; pauses: PauseRow[] }[]> {
  const rows = await db
    .select()
    .from(supportCases)
    .where(
      and(
        where,
        clock === "response" ? isNull(supportCases.firstRespondedAt) : undefined,
        inArray(supportCases.status, [...CLOCK_STATUSES]),
      ),
    );
  if (rows.length === 0) return [];
  const byCase = new Map<string, PauseRow[]>();
  for (const p of await pausesOf(
    db,
    rows.map((c) => c.id),
  ))
    byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), p]);
  return rows.map((row) => ({ row, pauses: byCase.get(row.id) ?? [] }));
}

/** The cases whose first-response clock runs, as the partial indexes name them (literals, so the planner matches). */
function clockRunning(): SQL {
  return and(isNull(supportCases.firstRespondedAt), sql`${supportCases.status} in ('OPEN', 'WAITING_ON_CUSTOMER')`)!;
}

const queueDue = sql`coalesce(${supportCases.responseDueAt}, 'infinity'::timestamptz)`;
const instant = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/**
 * A deadline view: its condition, and the same cases as disjoint conditions each read as one index range in the
 * queue's order, so a page of the queue reads the view's own rows (the ranges' union, merged in order).
 */
export interface DeadlineView {
  where: SQL;
  ranges: SQL[];
}

/**
 * The cases overdue at `now`, as a condition the page's own statement carries. The stored `response_due_at` is the
 * instant the clock's target runs out (kept by every change of status, pause and calendar), and a clock only counts
 * up, so a running, unanswered case is overdue exactly when that instant has come; a pause running with time left
 * has no deadline and is not overdue. The deadline is named as the queue's key, so the view is one range of
 * support_cases_running_due_idx in the queue's order.
 */
function overdueView(now: number): DeadlineView {
  const where = and(clockRunning(), sql`${queueDue} <= ${instant(now)}`)!;
  return { where, ranges: [where] };
}

/**
 * The cases near their deadline at `now`: from the stored `response_near_at` until the deadline (near-deadline.ts,
 * decision 0105). A condition on two instants is no one index range, so it is read as two that are: the cases due
 * within the last quarter of the longest target still running (no case due later can be near; one small statement
 * asks that target of its partial index), and the cases a pause holds past the 75 % mark, without a deadline.
 */
async function nearDeadlineView(db: DbOrTx, now: number): Promise<DeadlineView> {
  const [longest] = await db
    .select({ hours: max(supportCases.responseTargetHours) })
    .from(supportCases)
    .where(and(clockRunning(), sql`${supportCases.responseTargetHours} > 0`));
  if (!longest?.hours) return { where: sql`false`, ranges: [] };
  const calendar = await supportCalendar(db);
  const lastQuarter = (1 - NEAR_DEADLINE_SHARE) * Math.round(longest.hours * MS_PER_HOUR);
  const nearNow = sql`${supportCases.responseNearAt} <= ${instant(now)}`;
  const dueSoon = and(
    clockRunning(),
    sql`${queueDue} > ${instant(now)}`,
    sql`${queueDue} <= ${instant(Math.ceil(calendar.deadline(now, lastQuarter)))}`,
    nearNow,
  )!;
  // Without "response_near_at is not null": `nearNow` implies it (the paused cases' partial index is still matched),
  // and stated as well it would count the not-null share twice, as a repeated condition does (queuePage).
  const held = and(clockRunning(), sql`${supportCases.responseDueAt} is null`, nearNow)!;
  return { where: or(dueSoon, held)!, ranges: [dueSoon, held] };
}

/** The cases at the given deadline mark, as stored instants compared with `now` (no clock computed per case). */
export function atDeadline(db: DbOrTx, deadline: CaseDeadline, now: number): Promise<DeadlineView> {
  return deadline === "OVERDUE" ? Promise.resolve(overdueView(now)) : nearDeadlineView(db, now);
}
