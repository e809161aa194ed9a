import { DateTimeResolver } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";
import type { BackupEvidence as Evidence, BackupGap as Gap, CheckBackupEvidence } from "./backup-evidence.js";

/** Where the evidence comes from, as the protocol and the portal name it: the add-on the customer ordered. */
export const BACKUP_EVIDENCE_SOURCE = "Aptus Systemövervakning";

@ObjectType({ simpleResolvers: true, description: "Consecutive expected backup runs that gave no good backup." })
export class BackupGap {
  @Field(() => DateScalar, { description: "The first night (the run's day in the check's time zone)." })
  firstNight!: string;

  @Field(() => DateScalar, { description: "The last night." })
  lastNight!: string;

  @Field(() => Int, { description: "How many runs in a row." })
  runs!: number;

  static from(g: Gap): BackupGap {
    return Object.assign(new BackupGap(), g);
  }
}

@ObjectType({ simpleResolvers: true, description: "A backup that reported success but was judged not believable." })
export class BackupAnomalyNight {
  @Field(() => DateScalar, { description: "The night of the run." })
  night!: string;

  @Field(() => String, {
    description: "Why, as a code: BACKUP_FIGURES_MISSING, BACKUP_TOO_SMALL or BACKUP_TOO_FAST.",
  })
  reason!: string;
}

@ObjectType({ simpleResolvers: true, description: "The size of the last good backup of one week." })
export class BackupSizeWeek {
  @Field(() => DateScalar, { description: "The week's Monday." })
  weekOf!: string;

  @Field(() => Float, { description: "Bytes." })
  sizeBytes!: number;
}

@ObjectType({ simpleResolvers: true, description: "What one backup check saw over the evidence's window." })
export class BackupCheckEvidence {
  @Field(() => String, { description: "The check's name." })
  name!: string;

  @Field(() => Boolean, { description: "The schedule runs at most once a night, so runs read as nights." })
  daily!: boolean;

  @Field(() => Int, { description: "Runs the schedule expected (past their grace, the check not paused)." })
  expectedRuns!: number;

  @Field(() => Int, { description: "Runs that gave a believable backup." })
  successfulRuns!: number;

  @Field(() => Int, { description: "Runs that failed or whose backup was flagged as an anomaly." })
  failedRuns!: number;

  @Field(() => Int, { description: "Runs nothing was heard from." })
  missedRuns!: number;

  @Field(() => Float, { nullable: true, description: "Successful over expected runs, 0 to 1; null with none due." })
  successRate!: number | null;

  @Field(() => [BackupGap], { description: "Every gap, oldest first." })
  gaps!: BackupGap[];

  @Field(() => BackupGap, { nullable: true, description: "The longest gap (the first of equals)." })
  longestGap!: BackupGap | null;

  @Field(() => [BackupAnomalyNight], { description: "Backups flagged too small or too fast." })
  anomalies!: BackupAnomalyNight[];

  @Field(() => [BackupSizeWeek], { description: "The backup's size week by week, oldest first." })
  sizes!: BackupSizeWeek[];

  @Field(() => Float, { nullable: true, description: "The first good backup's size in the window, bytes." })
  firstSizeBytes!: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Its night." })
  firstSizeOn!: string | null;

  @Field(() => Float, { nullable: true, description: "The last good backup's size, bytes." })
  lastSizeBytes!: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Its night." })
  lastSizeOn!: string | null;

  @Field(() => Float, { nullable: true, description: "Change from the first to the last size, percent." })
  sizeChangePercent!: number | null;

  static from(c: CheckBackupEvidence): BackupCheckEvidence {
    return Object.assign(new BackupCheckEvidence(), {
      ...c,
      gaps: c.gaps.map(BackupGap.from),
      longestGap: c.longestGap && BackupGap.from(c.longestGap),
      anomalies: c.anomalies.map((a) => Object.assign(new BackupAnomalyNight(), a)),
      sizes: c.sizes.map((s) => Object.assign(new BackupSizeWeek(), s)),
    });
  }
}

@ObjectType({ simpleResolvers: true, description: "What the backup checks of an installation saw over a window." })
export class BackupEvidence {
  @Field(() => DateTimeResolver, { description: "The window's start." })
  from!: Date;

  @Field(() => DateTimeResolver, { description: "The window's end." })
  to!: Date;

  @Field(() => String, { description: `Where the evidence comes from: "${BACKUP_EVIDENCE_SOURCE}".` })
  source!: string;

  @Field(() => [BackupCheckEvidence], { description: "One entry per backup check, by name." })
  checks!: BackupCheckEvidence[];

  static from(e: Evidence): BackupEvidence {
    return Object.assign(new BackupEvidence(), {
      from: e.from,
      to: e.to,
      source: BACKUP_EVIDENCE_SOURCE,
      checks: e.checks.map(BackupCheckEvidence.from),
    });
  }
}
