import { Field, Float, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../shared/enums.js";
import { DateScalar } from "../../shared/scalars.js";
import type { DayStatus } from "./check-uptime.js";

const DAY_STATUSES = ["UP", "DOWN", "NO_DATA", "PAUSED"] as const satisfies readonly DayStatus[];

export const MonitoringDayStatus = graphqlEnum(DAY_STATUSES, {
  name: "MonitoringDayStatus",
  description: "How a check fared on one Swedish calendar day.",
  valuesConfig: {
    UP: { description: "Judged and never down that day (late signals count as up)." },
    DOWN: { description: "Down at some moment that day." },
    NO_DATA: { description: "Not yet watched that day: the check was new or did not exist." },
    PAUSED: { description: "Paused all the time it was not new: nobody watched." },
  },
});
export type MonitoringDayStatus = (typeof MonitoringDayStatus)[keyof typeof MonitoringDayStatus];

@ObjectType({ simpleResolvers: true, description: "A check's uptime in one Swedish calendar month." })
export class MonitoringUptimeMonth {
  @Field(() => String, { description: "The month, YYYY-MM." })
  month!: string;

  @Field(() => Int, { description: "Seconds up (UP or LATE) in the month, up to now for the current month." })
  upSeconds!: number;

  @Field(() => Int, { description: "Seconds DOWN in the month, outside maintenance." })
  downSeconds!: number;

  @Field(() => Int, {
    description: "Seconds inside maintenance windows (up or down): counted neither up nor down, shown apart.",
  })
  maintenanceSeconds!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Up time over up plus down time, 0 to 1; NEW, PAUSED and maintenance time count for neither. Null if never judged.",
  })
  uptime!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "One day of a check's daily strip." })
export class MonitoringDay {
  @Field(() => DateScalar, { description: "The Swedish calendar day." })
  date!: string;

  @Field(() => MonitoringDayStatus, { description: "DOWN if down at any moment, else UP, PAUSED or NO_DATA." })
  status!: MonitoringDayStatus;

  @Field(() => Int, { description: "Seconds DOWN that day, outside maintenance." })
  downSeconds!: number;

  @Field(() => Int, { description: "Seconds inside maintenance windows that day (up or down)." })
  maintenanceSeconds!: number;
}
