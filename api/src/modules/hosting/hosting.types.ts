import { MaxLength, Length } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, Float, Int, ID, InputType, ObjectType } from "type-graphql";
import { restoreTestResult } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import { HostedService } from "../agreements/index.js";
import type { BackupRun } from "../monitoring/index.js";
import type {
  HostedServiceRecord,
  OutdatedHostedService,
  RestoreTestRow,
  ServiceUpdateRow,
} from "./hosting.service.js";

export const RestoreTestResult = graphqlEnum(restoreTestResult.enumValues, {
  name: "RestoreTestResult",
  description: "How a restore test went.",
  valuesConfig: {
    OK: { description: "The backup was restored and the system worked on it." },
    FAILED: { description: "The backup could not be restored, or the restored system did not work." },
  },
});
export type RestoreTestResult = (typeof RestoreTestResult)[keyof typeof RestoreTestResult];

@ObjectType({ description: "One finished run of a backup job, as the installation's backup check reported it." })
export class HostingBackup {
  propertyUuid!: string;

  @Field(() => ID, { description: "The backup check's global id: runs of one check make one trend." })
  checkId!: string;

  @Field(() => DateTimeResolver, { description: "When the run finished (its ending ping arrived)." })
  finishedAt!: Date;

  @Field(() => String, { description: "The backup check's name." })
  checkName!: string;

  @Field(() => Float, { nullable: true, description: "How long the run took, in milliseconds, when known." })
  durationMs!: number | null;

  @Field(() => Float, { nullable: true, description: "The backup's size in bytes, when reported." })
  sizeBytes!: number | null;

  @Field(() => Boolean, {
    description: "False for a failed run, and for a success judged too fast or too small against its history.",
  })
  succeeded!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the run counts as failed, as a code: FAILED as the installation reported it, or a backup anomaly's (BACKUP_FIGURES_MISSING, BACKUP_TOO_SMALL, BACKUP_TOO_FAST); null on success.",
  })
  failure!: string | null;

  @Field(() => Int, { nullable: true, description: "The exit code the installation sent with a failure, if any." })
  exitCode!: number | null;

  static from(r: BackupRun): HostingBackup {
    return Object.assign(new HostingBackup(), r, {
      checkId: toGlobalId("MonitoringCheck", r.checkId),
      propertyUuid: r.propertyId,
    });
  }
}

@ObjectType({ description: "A restore of a backup, tried by the vendor's staff." })
export class RestoreTest {
  recordedByUuid!: string;

  @Field(() => DateTimeResolver, { description: "When the restore was tested." })
  testedAt!: Date;

  @Field(() => DateTimeResolver, { description: "When the restored backup was taken." })
  backupTakenAt!: Date;

  @Field(() => RestoreTestResult, { description: "How it went." })
  result!: RestoreTestResult;

  @Field(() => String, { nullable: true, description: "What was done or found." })
  note!: string | null;

  static from(r: RestoreTestRow): RestoreTest {
    return Object.assign(new RestoreTest(), { ...r, recordedByUuid: r.recordedBy });
  }
}

@ObjectType({ description: "An update of one hosted service, from one version to another." })
export class HostedServiceUpdate {
  recordedByUuid!: string;

  @Field(() => HostedService, { description: "The service updated." })
  service!: HostedService;

  @Field(() => String, { description: "The version before the update." })
  versionBefore!: string;

  @Field(() => String, { description: "The version after the update: the service's version from then on." })
  versionAfter!: string;

  @Field(() => DateTimeResolver, { description: "When the update was done." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "What was done or found." })
  note!: string | null;

  static from(r: ServiceUpdateRow): HostedServiceUpdate {
    return Object.assign(new HostedServiceUpdate(), { ...r, recordedByUuid: r.recordedBy });
  }
}

@ObjectType({ description: "A hosted service's running version against the latest release of its product." })
export class HostedServiceStatus {
  @Field(() => HostedService, { description: "The service." })
  service!: HostedService;

  @Field(() => String, {
    nullable: true,
    description: "The version it runs: the version after its latest update; null before any update is recorded.",
  })
  runningVersion!: string | null;

  @Field(() => String, { nullable: true, description: "The latest release of its product; null when none exists." })
  latestVersion!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the latest release was released." })
  latestReleasedOn!: string | null;

  @Field(() => Boolean, {
    description: "True when it runs a version behind the latest release. An unknown version is not outdated.",
  })
  outdated!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the running version was put in." })
  updatedAt!: Date | null;

  @Field(() => [HostedServiceUpdate], { description: "Its updates, latest first." })
  updates!: HostedServiceUpdate[];

  static from(r: HostedServiceRecord): HostedServiceStatus {
    return Object.assign(new HostedServiceStatus(), { ...r, updates: r.updates.map(HostedServiceUpdate.from) });
  }
}

@ObjectType({ description: "What Aptus Hosting does for a customer: backups, restore tests, the hosted services." })
export class Hosting {
  customerUuid!: string;

  @Field(() => [HostingBackup], { description: "The last backup runs (up to 14), newest first." })
  backups!: HostingBackup[];

  @Field(() => [RestoreTest], { description: "The restore tests (up to 20), latest first." })
  restoreTests!: RestoreTest[];

  @Field(() => [HostedServiceStatus], { description: "The hosted services, as the hosting add-on lists them." })
  services!: HostedServiceStatus[];
}

@ObjectType("OutdatedHostedService", {
  description: "A hosted service running behind the latest release of its product.",
})
export class OutdatedHostedServiceEntry {
  customerUuid!: string;

  @Field(() => String, { description: "The customer's name." })
  customerName!: string;

  @Field(() => HostedService, { description: "The service." })
  service!: HostedService;

  @Field(() => String, { description: "The version it runs." })
  runningVersion!: string;

  @Field(() => String, { description: "The latest release." })
  latestVersion!: string;

  @Field(() => DateScalar, { description: "When the latest release was released." })
  latestReleasedOn!: string;

  @Field(() => DateTimeResolver, { description: "When the running version was put in." })
  updatedAt!: Date;

  static from(r: OutdatedHostedService): OutdatedHostedServiceEntry {
    return Object.assign(new OutdatedHostedServiceEntry(), { ...r, customerUuid: r.customerId });
  }
}

@InputType({ description: "Record a restore test of a hosted customer's backup." })
export class RecordRestoreTestInput {
  @Field(() => ID, { description: "The hosted customer (an Organisation)." })
  customerId!: string;

  @Field(() => DateTimeResolver, { description: "When the restore was tested; not in the future." })
  testedAt!: Date;

  @Field(() => DateTimeResolver, { description: "When the restored backup was taken; not after the test." })
  backupTakenAt!: Date;

  @Field(() => RestoreTestResult, { description: "How it went." })
  result!: RestoreTestResult;

  @Field(() => String, { nullable: true, description: "What was done or found (up to 2000 characters)." })
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: "Record an update of one of a hosted customer's services." })
export class RecordHostedServiceUpdateInput {
  @Field(() => ID, { description: "The hosted customer (an Organisation)." })
  customerId!: string;

  @Field(() => HostedService, { description: "The service; one the customer's hosting includes." })
  service!: HostedService;

  @Field(() => String, { description: "The version before, e.g. 5.11.2." })
  @Length(1, 20)
  versionBefore!: string;

  @Field(() => String, { description: "The version after, e.g. 5.12.0; not the version before." })
  @Length(1, 20)
  versionAfter!: string;

  @Field(() => DateTimeResolver, { description: "When the update was done; not in the future." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "What was done or found (up to 2000 characters)." })
  @MaxLength(2000)
  note?: string | null;
}

export const RecordRestoreTestPayload = PayloadType(
  "RecordRestoreTestPayload",
  "restoreTest",
  RestoreTest,
  "recorded restore test",
);
export const RecordHostedServiceUpdatePayload = PayloadType(
  "RecordHostedServiceUpdatePayload",
  "hostedServiceUpdate",
  HostedServiceUpdate,
  "recorded update",
);
