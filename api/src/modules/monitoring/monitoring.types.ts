import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import {
  monitoringCheckKind,
  monitoringCheckState,
  monitoringIncidentKind,
  monitoringSignal,
} from "../../db/schema/index.js";
import { ConnectionType } from "../../shared/connection.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { Node } from "../../shared/node.js";
import { PayloadType } from "../../shared/payload.js";
import { UserError as UserErrorRef } from "../../shared/errors.js";
import type { CheckRow } from "./check-records.js";
import type { FlipRow, IncidentRow, PingRow } from "./monitoring-queries.js";

export const MonitoringCheckKind = graphqlEnum(monitoringCheckKind.enumValues, {
  name: "MonitoringCheckKind",
  description: "What a check watches.",
  valuesConfig: {
    HEARTBEAT: { description: 'Reports "I am alive" every period; late after the period, failed after the grace.' },
    SCHEDULED_JOB: { description: "A job on a cron schedule in its time zone; each run is expected within the grace." },
    BACKUP_JOB: {
      description: "A scheduled backup whose success carries its size and duration; too small or too fast fails.",
    },
  },
});
export type MonitoringCheckKind = (typeof MonitoringCheckKind)[keyof typeof MonitoringCheckKind];

export const MonitoringCheckState = graphqlEnum(monitoringCheckState.enumValues, {
  name: "MonitoringCheckState",
  description: "What a check last knew: NEW → UP ⇄ LATE → DOWN, and PAUSED.",
  valuesConfig: {
    NEW: { description: "No signal yet." },
    UP: { description: "Signals come on time." },
    LATE: { description: "A signal is overdue, or failed short of the failure threshold." },
    DOWN: { description: "Failed as often in a row as the failure threshold: an incident is open." },
    PAUSED: { description: "Not judged: paused by a person, or no agreement pays for watching it." },
  },
});
export type MonitoringCheckState = (typeof MonitoringCheckState)[keyof typeof MonitoringCheckState];

export const MonitoringSignal = graphqlEnum(monitoringSignal.enumValues, {
  name: "MonitoringSignal",
  description: "What a ping said.",
  valuesConfig: {
    SUCCESS: { description: "Alive, or a run ended well (exit code 0)." },
    START: { description: "A run began." },
    FAIL: { description: "A run failed (/fail or a non-zero exit code)." },
  },
});
export type MonitoringSignal = (typeof MonitoringSignal)[keyof typeof MonitoringSignal];

export const MonitoringIncidentKind = graphqlEnum(monitoringIncidentKind.enumValues, {
  name: "MonitoringIncidentKind",
  description: "What kind of outage an incident is.",
  valuesConfig: {
    OUTAGE: { description: "A heartbeat or job stopped or failed." },
    BACKUP: { description: "A nightly backup failed, was missing, or was too small or too fast." },
  },
});
export type MonitoringIncidentKind = (typeof MonitoringIncidentKind)[keyof typeof MonitoringIncidentKind];

@ObjectType({ implements: Node, description: "Something an installation reports on: a heartbeat or a scheduled job." })
export class MonitoringCheck extends Node {
  row!: CheckRow;

  @Field(() => MonitoringCheckKind, { description: "What the check watches." })
  kind!: MonitoringCheckKind;

  @Field(() => String, { description: "Its name, e.g. Multi-access server." })
  name!: string;

  @Field(() => MonitoringCheckState, { description: "What the check last knew." })
  state!: MonitoringCheckState;

  @Field(() => Int, { nullable: true, description: "Heartbeats: seconds between signals." })
  periodSeconds!: number | null;

  @Field(() => String, { nullable: true, description: "Jobs: the cron expression, read in `timeZone`." })
  cronExpression!: string | null;

  @Field(() => String, { description: "The time zone of the cron expression, e.g. Europe/Stockholm." })
  timeZone!: string;

  @Field(() => Int, { description: "Seconds after the expected moment a signal still counts as on time." })
  graceSeconds!: number;

  @Field(() => Int, { description: "Seconds a started run may take before it counts as never finished." })
  runGraceSeconds!: number;

  @Field(() => Int, { description: "Failures in a row that make the check DOWN." })
  failureThreshold!: number;

  @Field(() => Int, { description: "Successes in a row that bring a DOWN check back UP." })
  successThreshold!: number;

  @Field(() => String, { description: "The first characters of the ping key, to tell keys apart." })
  pingKeyPrefix!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the last ping came; null before the first." })
  lastPingAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the check is next judged unless a signal comes first; null while only a signal can change it.",
  })
  alertAfter!: Date | null;

  static from(row: CheckRow): MonitoringCheck {
    return Object.assign(new MonitoringCheck(), {
      row,
      id: toGlobalId("MonitoringCheck", row.id),
      kind: row.kind,
      name: row.name,
      state: row.state,
      periodSeconds: row.periodSeconds,
      cronExpression: row.cronExpression,
      timeZone: row.timeZone,
      graceSeconds: row.graceSeconds,
      runGraceSeconds: row.runGraceSeconds,
      failureThreshold: row.failureThreshold,
      successThreshold: row.successThreshold,
      pingKeyPrefix: row.pingKeyPrefix,
      lastPingAt: row.lastPingAt,
      alertAfter: row.alertAfter,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: "One signal an installation sent." })
export class MonitoringPing {
  @Field(() => DateTimeResolver, { description: "When it came." })
  receivedAt!: Date;

  @Field(() => MonitoringSignal, { description: "What it said." })
  signal!: MonitoringSignal;

  @Field(() => Int, { nullable: true, description: "The exit code sent, if any." })
  exitCode!: number | null;

  @Field(() => String, { nullable: true, description: "The run id that pairs a start with its end." })
  runId!: string | null;

  @Field(() => Number, { nullable: true, description: "How long the run took, in milliseconds." })
  durationMs!: number | null;

  @Field(() => Number, { nullable: true, description: "Backups: the size written, in bytes." })
  sizeBytes!: number | null;

  @Field(() => String, { nullable: true, description: "The log excerpt sent with it (at most 10 KB)." })
  body!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Why a backup's success was judged a failure, as a code: BACKUP_FIGURES_MISSING, BACKUP_TOO_SMALL or BACKUP_TOO_FAST.",
  })
  anomaly!: string | null;

  static from(r: PingRow): MonitoringPing {
    return Object.assign(new MonitoringPing(), r);
  }
}

@ObjectType({ simpleResolvers: true, description: "A change of a check's state, at the moment it really happened." })
export class MonitoringFlip {
  @Field(() => MonitoringCheckState, { description: "The state before." })
  fromState!: MonitoringCheckState;

  @Field(() => MonitoringCheckState, { description: "The state after." })
  toState!: MonitoringCheckState;

  @Field(() => DateTimeResolver, { description: "When it happened (not when the sweeper noticed)." })
  happenedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "Why, for a flip to LATE or DOWN, as a code: MISSED, FAILED, NEVER_FINISHED or BACKUP_ANOMALY (the ping's anomaly says which).",
  })
  reason!: string | null;

  static from(r: FlipRow): MonitoringFlip {
    return Object.assign(new MonitoringFlip(), r);
  }
}

@ObjectType({ description: "An outage of one check, from its DOWN flip to its recovery." })
export class MonitoringIncident {
  row!: IncidentRow;

  @Field(() => ID, { description: "Global id." })
  id!: string;

  @Field(() => MonitoringIncidentKind, { description: "An outage, or a failed or missing backup." })
  kind!: MonitoringIncidentKind;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the check went down, as a code: MISSED, FAILED, NEVER_FINISHED, or a backup anomaly's (BACKUP_FIGURES_MISSING, BACKUP_TOO_SMALL, BACKUP_TOO_FAST).",
  })
  reason!: string | null;

  @Field(() => DateTimeResolver, { description: "When the check went down." })
  startedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it recovered; null while still down." })
  resolvedAt!: Date | null;

  static from(r: IncidentRow): MonitoringIncident {
    return Object.assign(new MonitoringIncident(), {
      row: r,
      id: toGlobalId("MonitoringIncident", r.id),
      kind: r.kind,
      reason: r.reason,
      startedAt: r.startedAt,
      resolvedAt: r.resolvedAt,
    });
  }
}

export const MonitoringCheckConnection = ConnectionType(MonitoringCheck, "MonitoringCheck", "monitoring check");
export const MonitoringPingConnection = ConnectionType(MonitoringPing, "MonitoringPing", "ping");
export const MonitoringFlipConnection = ConnectionType(MonitoringFlip, "MonitoringFlip", "flip");

@InputType({ description: "A check's name, schedule, graces and thresholds." })
class MonitoringCheckSettingsInput {
  @Field(() => String, { description: "Its name, e.g. Multi-access server." })
  name!: string;

  @Field(() => Int, { nullable: true, description: "Heartbeats: seconds between signals (60 to a year)." })
  periodSeconds?: number | null;

  @Field(() => String, { nullable: true, description: "Jobs: a five-field cron expression, e.g. `0 2 * * *`." })
  cronExpression?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The cron expression's time zone; Europe/Stockholm if not given.",
  })
  timeZone?: string | null;

  @Field(() => Int, { description: "Seconds after the expected moment a signal still counts as on time." })
  graceSeconds!: number;

  @Field(() => Int, { nullable: true, description: "Seconds a started run may take (default 3600)." })
  runGraceSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Failures in a row before DOWN (default 1 for jobs, 2 for heartbeats).",
  })
  failureThreshold?: number | null;

  @Field(() => Int, { nullable: true, description: "Successes in a row before a DOWN check is UP again (default 1)." })
  successThreshold?: number | null;
}

@InputType({ description: "A new check on a property's installation." })
export class CreateMonitoringCheckInput extends MonitoringCheckSettingsInput {
  @Field(() => ID, { description: "The property." })
  propertyId!: string;

  @Field(() => MonitoringCheckKind, { description: "What the check watches." })
  kind!: MonitoringCheckKind;
}

@InputType({ description: "New settings for a check." })
export class UpdateMonitoringCheckInput extends MonitoringCheckSettingsInput {
  @Field(() => ID, { description: "The check." })
  checkId!: string;
}

@InputType({ description: "Names a check." })
export class MonitoringCheckRefInput {
  @Field(() => ID, { description: "The check." })
  checkId!: string;
}

@ObjectType({
  description: "Result of `createMonitoringCheck` and `rotateMonitoringPingKey`: the key is shown this once.",
})
export class MonitoringCheckWithKeyPayload {
  @Field(() => [UserErrorRef], {
    description: "What was wrong; empty on success. When not empty, nothing was written.",
  })
  userErrors!: UserErrorRef[];

  @Field(() => MonitoringCheck, { nullable: true, description: "The check; null when userErrors is not empty." })
  monitoringCheck!: MonitoringCheck | null;

  @Field(() => String, {
    nullable: true,
    description: "The ping key, shown only now: ping /ping/<key>. Only its hash is kept; rotate it if lost.",
  })
  pingKey!: string | null;
}

export const MonitoringCheckPayload = PayloadType(
  "MonitoringCheckPayload",
  "monitoringCheck",
  MonitoringCheck,
  "check",
);
