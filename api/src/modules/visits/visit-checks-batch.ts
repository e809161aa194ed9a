import type { Db } from "../../db/client.js";
import type { Clock } from "../../shared/clock.js";
import { ok, userError, type Result, type UserError } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { requireRole, type Viewer } from "../../shared/viewer.js";
import { checkInputProblem, writeCheck, type RecordCheckInput, type VisitCheckRow } from "./visit-checks.js";
import { VisitErrors as E } from "./visit.errors.js";
import { TECHNICIANS } from "./visit.roles.js";
import { bumpVisit, lockVisit, type ServiceVisitRow } from "./visit.service.js";

export interface RecordChecksInput {
  visitId: string;
  checks: Omit<RecordCheckInput, "visitId">[];
  /** The visit's version as the form read it; STALE_VERSION when another device saved since. */
  expectedVersion?: number | null;
}

/** An error of the i-th check, named where the form can put it: ["input", "checks", i, field]. */
const atCheck = (i: number, errors: UserError[]): UserError[] =>
  errors.map((e) => ({ ...e, field: ["input", "checks", String(i), ...(e.field ?? []).slice(1)] }));

/**
 * The technician's form saves every check it has in one request: all are written or none (a refusal
 * of one rolls back the others), and the visit's version moves once. A tablet that saved from a
 * stale page (another device saved since) is told so instead of overwriting.
 */
export async function recordVisitChecks(
  db: Db,
  viewer: Viewer,
  input: RecordChecksInput,
  clock: Clock,
  now: Date = new Date(),
): Promise<Result<{ visit: ServiceVisitRow; checks: VisitCheckRow[] }>> {
  requireRole(viewer, TECHNICIANS);
  const kinds = input.checks.map((c) => c.kind);
  if (kinds.length === 0 || new Set(kinds).size !== kinds.length)
    return userError(E.INVALID_INPUT, "Send each check at most once, and at least one.", ["input", "checks"]);
  for (const [i, c] of input.checks.entries()) {
    const bad = checkInputProblem({ ...c, visitId: input.visitId });
    if (bad) return { errors: atCheck(i, bad.errors) };
  }
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    if (loaded.visit.completedAt)
      return userError(E.VISIT_COMPLETED, "The protocol is frozen; correct it with a reason.", ["input", "visitId"]);
    if (loaded.visit.cancelledAt) return userError(E.VISIT_CANCELLED, "The visit was cancelled.", ["input", "visitId"]);
    if (input.expectedVersion != null && input.expectedVersion !== loaded.visit.version)
      return userError(E.STALE_VERSION, "The protocol was saved from another device since you opened it.", [
        "input",
        "expectedVersion",
      ]);
    const rows: VisitCheckRow[] = [];
    for (const [i, c] of input.checks.entries()) {
      const r = await writeCheck(tx, viewer, loaded, { ...c, visitId: input.visitId }, now);
      if ("errors" in r) return { errors: atCheck(i, r.errors) };
      rows.push(r.ok);
    }
    return ok({ visit: await bumpVisit(tx, loaded.visit), checks: rows });
  });
}
