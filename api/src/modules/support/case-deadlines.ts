import { inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { supportCases } from "../../db/schema/index.js";
import { clockFacts, runningCases } from "./case-clock.js";
import { nearDeadlineAt } from "./near-deadline.js";
import { responseDueAt } from "./response-clock.js";
import type { SupportCalendar } from "./support-calendar.js";
import type { SupportCaseRow } from "./support-case.service.js";

/** An open case whose stored deadlines differ from what the calendar gives: before and after, epoch ms. */
export interface DeadlineMove {
  supportCase: SupportCaseRow;
  responseBefore: number | null;
  responseAfter: number | null;
  resolutionBefore: number | null;
  resolutionAfter: number | null;
}

/** Every stored instant of a running case's clocks, as the calendar and its pauses give them now. */
async function keptInstants(db: DbOrTx, calendar: SupportCalendar, caseIds?: readonly string[]) {
  const open = await runningCases(db, caseIds ? inArray(supportCases.id, [...caseIds]) : undefined, "resolution");
  return open.map(({ row: c, pauses }) => {
    const responseBefore = c.responseDueAt?.getTime() ?? null;
    const nearBefore = c.responseNearAt?.getTime() ?? null;
    const responseAfter = c.firstRespondedAt ? responseBefore : responseDueAt(calendar, clockFacts(c, pauses));
    return {
      supportCase: c,
      responseBefore,
      responseAfter,
      resolutionBefore: c.resolutionDueAt?.getTime() ?? null,
      resolutionAfter: responseDueAt(calendar, clockFacts(c, pauses, "resolution")),
      nearBefore,
      nearAfter: c.firstRespondedAt ? nearBefore : nearDeadlineAt(calendar, clockFacts(c, pauses), responseAfter),
    };
  });
}

/**
 * The cases whose clocks still run (all of them when no ids are given) — the first answer's while it is awaited, the
 * resolution's while the case is open — whose deadlines, from their pauses and `calendar`, differ from the stored
 * ones. Reads only, so a proposed calendar can be tried before it is saved.
 */
export async function deadlineMoves(
  db: DbOrTx,
  calendar: SupportCalendar,
  caseIds?: readonly string[],
): Promise<DeadlineMove[]> {
  return (await keptInstants(db, calendar, caseIds))
    .filter((m) => m.responseAfter !== m.responseBefore || m.resolutionAfter !== m.resolutionBefore)
    .map(({ nearBefore: _b, nearAfter: _a, ...move }) => move);
}

/**
 * Stores the deadlines `deadlineMoves` gives for the calendar as the transaction sees it, and with them the instant
 * each case comes near its response deadline (a move of its own when only that differs: a row from before it was kept).
 */
export async function recomputeDeadlines(
  tx: Tx,
  calendar: SupportCalendar,
  caseIds?: readonly string[],
): Promise<number> {
  const moves = (await keptInstants(tx, calendar, caseIds)).filter(
    (m) =>
      m.responseAfter !== m.responseBefore || m.resolutionAfter !== m.resolutionBefore || m.nearAfter !== m.nearBefore,
  );
  if (moves.length === 0) return 0;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  // One statement for all of them: a calendar change may move thousands of deadlines.
  const list = (values: readonly (string | null)[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const column = (of: (m: (typeof moves)[number]) => number | null) => list(moves.map((m) => iso(of(m))));
  await tx.execute(
    sql`update ${supportCases} set response_due_at = v.response, resolution_due_at = v.resolution, response_near_at = v.near from (select unnest(array[${list(moves.map((m) => m.supportCase.id))}]::uuid[]) as id, unnest(array[${column((m) => m.responseAfter)}]::timestamptz[]) as response, unnest(array[${column((m) => m.resolutionAfter)}]::timestamptz[]) as resolution, unnest(array[${column((m) => m.nearAfter)}]::timestamptz[]) as near) v where ${supportCases.id} = v.id`,
  );
  return moves.length;
}
