import { DateTimeResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../shared/errors.js";
import type { DeadlineMove } from "./case-deadlines.js";
import { SupportCase } from "./support-case.types.js";

const instant = (ms: number | null) => (ms === null ? null : new Date(ms));

@ObjectType({ description: "An open case whose deadlines a proposed calendar exception would move: before and after." })
export class SupportDeadlineMove {
  @Field(() => SupportCase, { description: "The case." })
  supportCase!: SupportCase;

  @Field(() => DateTimeResolver, { nullable: true, description: "First-answer deadline now." })
  responseDueBefore!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "First-answer deadline with the exception." })
  responseDueAfter!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Resolution deadline now." })
  resolutionDueBefore!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Resolution deadline with the exception." })
  resolutionDueAfter!: Date | null;

  static from(m: DeadlineMove): SupportDeadlineMove {
    return Object.assign(new SupportDeadlineMove(), {
      supportCase: SupportCase.from(m.supportCase),
      responseDueBefore: instant(m.responseBefore),
      responseDueAfter: instant(m.responseAfter),
      resolutionDueBefore: instant(m.resolutionBefore),
      resolutionDueAfter: instant(m.resolutionAfter),
    });
  }
}

@ObjectType({ description: "Result of `supportCalendarExceptionPreview`: nothing is written." })
export class SupportCalendarExceptionPreviewPayload {
  @Field(() => [UserError], { description: "What was wrong with the proposed exception; empty when it is valid." })
  userErrors!: UserError[];

  @Field(() => [SupportDeadlineMove], {
    nullable: true,
    description: "The open cases whose deadlines would move; null when userErrors is not empty.",
  })
  moves!: SupportDeadlineMove[] | null;
}
