import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { BACKUP_EVIDENCE_SOURCE, BackupEvidenceType } from "../monitoring/index.js";
import { checkProposalsOf } from "./visit-backup-prefill.js";
import { VisitCheckProposal } from "./visit-prefill.types.js";
import { ServiceVisit } from "./visit.types.js";

/** What monitoring brings to a visit: reached only through a visit the viewer may see, so no rule of its own. */
@Resolver(() => ServiceVisit)
export class ServiceVisitPrefillResolver {
  @FieldResolver(() => BackupEvidenceType, {
    nullable: true,
    description:
      "What the visited property's backup checks saw over the year before the visit (up to its completion, or now while open); null without backup checks.",
  })
  async backupEvidence(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    const evidence = await ctx.loaders.backupEvidenceOfVisit.load(v.row);
    return evidence && BackupEvidenceType.from(evidence);
  }

  @FieldResolver(() => [VisitCheckProposal], {
    description:
      "The backup and database-size checks proposed from that evidence, for the technician to confirm or correct; empty without backup checks and once the visit is completed.",
  })
  async prefilledChecks(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    const evidence = v.row.completedAt ? null : await ctx.loaders.backupEvidenceOfVisit.load(v.row);
    return checkProposalsOf(v.row, evidence).map((p) => VisitCheckProposal.from(p, BACKUP_EVIDENCE_SOURCE));
  }
}
