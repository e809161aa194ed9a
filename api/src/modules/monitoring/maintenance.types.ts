import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import type { MaintenanceWindowRow } from "./maintenance-queries.js";

@ObjectType({
  description:
    "Planned maintenance of an installation or of one check: while it runs, a check that goes down opens no incident and sends nothing, and the time does not count in uptime.",
})
export class MaintenanceWindow {
  row!: MaintenanceWindowRow;

  @Field(() => ID, { description: "Global id." })
  id!: string;

  @Field(() => DateTimeResolver, { description: "When it starts (a recurring window: from when its runs count)." })
  startsAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When it ends (a recurring window: until when; null for no end).",
  })
  endsAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Recurring windows: the cron expression of each start, read in `timeZone`.",
  })
  cronExpression!: string | null;

  @Field(() => Int, { nullable: true, description: "Recurring windows: how long each run lasts, in seconds." })
  durationSeconds!: number | null;

  @Field(() => String, { description: "The time zone of the cron expression: Europe/Stockholm." })
  timeZone!: string;

  @Field(() => String, { description: "Why: shown on the board and in the history." })
  reason!: string;

  @Field(() => DateTimeResolver, { description: "When it was planned." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When someone ended it early or cancelled it." })
  endedAt!: Date | null;

  static from(row: MaintenanceWindowRow): MaintenanceWindow {
    return Object.assign(new MaintenanceWindow(), {
      row,
      id: toGlobalId("MaintenanceWindow", row.id),
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      cronExpression: row.cronExpression,
      durationSeconds: row.durationSeconds,
      timeZone: row.timeZone,
      reason: row.reason,
      createdAt: row.createdAt,
      endedAt: row.endedAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: "One run of a maintenance window." })
export class MaintenanceOccurrence {
  @Field(() => DateTimeResolver, { description: "When it starts." })
  startsAt!: Date;

  @Field(() => DateTimeResolver, { description: "When it ends." })
  endsAt!: Date;

  @Field(() => Boolean, { description: "Whether it is running now." })
  active!: boolean;
}

@InputType({
  description:
    "A maintenance window: one-off (`startsAt` and `endsAt`, at most 7 days) or recurring (`cronExpression` in Europe/Stockholm and `durationSeconds`, from `startsAt` or now, until `endsAt` if given). Name a property (its whole installation) or one check.",
})
export class ScheduleMaintenanceWindowInput {
  @Field(() => ID, { nullable: true, description: "The property whose installation is maintained." })
  propertyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Or the one check that is maintained." })
  checkId?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it starts; now if not given or past." })
  startsAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When it ends: required for a one-off window; a recurring one's last moment.",
  })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Recurring: a five-field cron expression, e.g. `0 2 * * 0`." })
  cronExpression?: string | null;

  @Field(() => Int, { nullable: true, description: "Recurring: how long each run lasts, 300 to 86400 seconds." })
  durationSeconds?: number | null;

  @Field(() => String, { description: "Why, 1–500 characters." })
  reason!: string;
}

@InputType({ description: "Names a maintenance window." })
export class MaintenanceWindowRefInput {
  @Field(() => ID, { description: "The maintenance window." })
  maintenanceWindowId!: string;
}

export const ScheduleMaintenanceWindowPayload = PayloadType(
  "ScheduleMaintenanceWindowPayload",
  "maintenanceWindow",
  MaintenanceWindow,
  "maintenance window",
);

export const CancelMaintenanceWindowPayload = PayloadType(
  "CancelMaintenanceWindowPayload",
  "maintenanceWindow",
  MaintenanceWindow,
  "maintenance window",
);
