import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { recordVisitChecks } from "./visit-checks-batch.js";
import { RecordVisitChecksInput, RecordVisitChecksPayload } from "./visit.inputs.js";
import { TECHNICIANS } from "./visit.roles.js";
import { ServiceVisit } from "./visit.types.js";

/** The technician's form saves its checks in one request (visit-checks-batch.ts). */
@Resolver()
export class VisitChecksResolver {
  @Authorized(...TECHNICIANS)
  @Mutation(() => RecordVisitChecksPayload, {
    description:
      "Record several checks at once, all or none: a refused check (its index in `field`: input.checks.N) saves nothing. STALE_VERSION with a stale expectedVersion; VISIT_COMPLETED, VISIT_CANCELLED.",
  })
  async recordVisitChecks(
    @Arg("input", () => RecordVisitChecksInput, { description: "The visit and its checks." })
    input: RecordVisitChecksInput,
    @Ctx() ctx: Context,
  ) {
    const visitId = uuidOf(input.visitId, "ServiceVisit");
    const r = await recordVisitChecks(ctx.db, requireViewer(ctx), { ...input, visitId }, ctx.clock, ctx.now);
    return payload(r, "serviceVisit", ({ visit }) => ServiceVisit.from(visit, ctx.now));
  }
}
