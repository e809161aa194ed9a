import { Field, Float, ObjectType } from "type-graphql";
import type { CheckProposal } from "./backup-check-proposal.js";
import { CheckResult, VisitCheckKind } from "./visit.enums.js";

@ObjectType({
  simpleResolvers: true,
  description:
    "A check proposed from monitoring's evidence, for the technician to confirm or correct; never saved by itself.",
})
export class VisitCheckProposal {
  @Field(() => VisitCheckKind, { description: "BACKUP_ROUTINES or DATABASE_SIZE." })
  kind!: VisitCheckKind;

  @Field(() => CheckResult, { description: "The proposed result." })
  result!: CheckResult;

  @Field(() => String, { description: "The proposed note, in Swedish: the evidence in words." })
  note!: string;

  @Field(() => Float, {
    nullable: true,
    description: "DATABASE_SIZE: the last good backup's size in MB (1024² bytes).",
  })
  databaseSizeMb!: number | null;

  @Field(() => String, { description: "Where the proposal comes from: Aptus Systemövervakning." })
  source!: string;

  static from(p: CheckProposal, source: string): VisitCheckProposal {
    return Object.assign(new VisitCheckProposal(), { ...p, kind: p.kind as VisitCheckKind, source });
  }
}
