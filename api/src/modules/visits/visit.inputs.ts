import { ArrayMaxSize, Length, MaxLength, Min, ValidateNested } from "class-validator";
import { OneLine } from "../../shared/one-line.js";
import { DateTimeResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../shared/errors.js";
import { PayloadType } from "../../shared/payload.js";
import { MoneyInput } from "../../shared/scalars.js";
import { Product } from "../releases/index.js";
import { ActionItem, ActionItemOwner } from "../tailoring/index.js";
import { CheckResult, VisitCheckKind } from "./visit.enums.js";
import { ServiceVisit, VisitCheck, VisitProtocolVersion } from "./visit.types.js";

@InputType({ description: "Filter for `serviceVisits`; the states given are combined with OR." })
export class ServiceVisitFilter {
  @Field(() => Boolean, { nullable: true, description: "Past their time and not completed." })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Booked and still ahead." })
  upcoming?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Completed." })
  done?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Only this agreement's visits." })
  agreementId?: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "Only those changed after this instant: written (`updatedAt`), or become overdue since (their time passed, not completed). For an incremental sync: pass the start of the previous sync, less a minute.",
  })
  updatedSince?: Date | null;
}

@InputType({ description: "Book an annual visit." })
export class ScheduleServiceVisitInput {
  @Field(() => ID, { description: "The agreement (its tier must include an annual visit)." })
  agreementId!: string;

  @Field(() => ID, { description: "A property covered by the agreement." })
  propertyId!: string;

  @Field(() => DateTimeResolver, { description: "Date and time, inside the agreement period." })
  scheduledAt!: Date;

  @Field(() => ID, { description: "The technician: a vendor SUPPORT or ADMIN user." })
  technicianId!: string;
}

@InputType({ description: "Move a booked visit; the earlier booking stays in the history." })
export class RescheduleServiceVisitInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;

  @Field(() => DateTimeResolver, { description: "The new date and time, inside the agreement period." })
  scheduledAt!: Date;

  @Field(() => ID, { nullable: true, description: "Another technician, if it changes." })
  technicianId?: string | null;

  @Field(() => String, { nullable: true, description: "Why it moved." })
  @MaxLength(1000)
  reason?: string | null;

  @Field(() => Int, { description: "The visit's `version` as read; STALE_VERSION if it changed." })
  expectedVersion!: number;
}

@InputType({ description: "A program version found installed during the visit." })
export class FoundVersionInput {
  @Field(() => Product, { description: "Which program." })
  product!: Product;

  @Field(() => String, { description: "The version, like 5.12.3." })
  @Length(1, 40)
  version!: string;
}

@InputType({ description: "One check of the protocol, as recordVisitChecks takes it in its list." })
export class VisitCheckEntryInput {
  @Field(() => VisitCheckKind, { description: "Which check." })
  kind!: VisitCheckKind;

  @Field(() => CheckResult, { description: "The result." })
  result!: CheckResult;

  @Field(() => String, { nullable: true, description: "The note." })
  @MaxLength(4000)
  note?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "DATABASE_SIZE: the reading in MB (required unless NOT_APPLICABLE).",
  })
  databaseSizeMb?: number | null;

  @Field(() => [FoundVersionInput], {
    nullable: true,
    description: "HARDWARE_AND_VERSIONS: versions found; a newer one updates the property's installation.",
  })
  @ArrayMaxSize(20)
  installedVersions?: FoundVersionInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "BACKUP_ROUTINES / DATABASE_SIZE: the form started from `ServiceVisit.prefilledChecks`; the audit trail records whether the technician changed the proposal.",
  })
  fromProposal?: boolean | null;
}

@InputType({ description: "Record one check of the protocol (again, until the visit is completed)." })
export class RecordVisitCheckInput extends VisitCheckEntryInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;
}

@InputType({ description: "Record several checks of a visit at once: all are saved, or none." })
export class RecordVisitChecksInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;

  @Field(() => [VisitCheckEntryInput], { description: "One to five checks, each kind at most once." })
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  checks!: VisitCheckEntryInput[];

  @Field(() => Int, {
    nullable: true,
    description: "The visit's `version` as the form read it: STALE_VERSION if another device saved since.",
  })
  expectedVersion?: number | null;
}

@InputType({ description: "A signature drawn on the technician's tablet." })
export class VisitSignatureInput {
  @Field(() => String, { description: "Name of the customer's contact who signs (one line)." })
  @Length(1, 200)
  @OneLine()
  signedByName!: string;

  @Field(() => String, { description: "The drawing as a PNG data URL (data:image/png;base64,…), at most 256 KB." })
  @MaxLength(360_000)
  imageDataUrl!: string;
}

@InputType({ description: "Complete a visit: every check recorded, the protocol frozen as version 1." })
export class CompleteServiceVisitInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;

  @Field(() => Float, {
    nullable: true,
    description: "The database size reading in MB, replacing the one in the DATABASE_SIZE check.",
  })
  databaseSizeMb?: number | null;

  @Field(() => VisitSignatureInput, { nullable: true, description: "The customer's contact signs on the tablet now." })
  @ValidateNested()
  signature?: VisitSignatureInput | null;
}

@InputType({ description: "The customer's contact signs a completed protocol on the tablet." })
export class SignVisitProtocolInput extends VisitSignatureInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;
}

@InputType({ description: "One check as corrected." })
export class ProtocolCheckCorrectionInput {
  @Field(() => VisitCheckKind, { description: "Which check." })
  kind!: VisitCheckKind;

  @Field(() => CheckResult, { description: "The corrected result." })
  result!: CheckResult;

  @Field(() => String, { nullable: true, description: "The corrected note; unchanged when left out." })
  @MaxLength(4000)
  note?: string | null;

  @Field(() => Float, { nullable: true, description: "DATABASE_SIZE: the corrected reading." })
  databaseSizeMb?: number | null;
}

@InputType({ description: "Correct a frozen protocol: a new version with a reason; earlier versions stay." })
export class CorrectVisitProtocolInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;

  @Field(() => String, { description: "Why it is corrected." })
  @Length(1, 1000)
  reason!: string;

  @Field(() => [ProtocolCheckCorrectionInput], {
    description: "The checks that change; empty when only the signature is replaced.",
  })
  @ArrayMaxSize(10)
  checks!: ProtocolCheckCorrectionInput[];

  @Field(() => VisitSignatureInput, {
    nullable: true,
    description:
      "The signer signs again: replaces the signature (e.g. an image that cannot be drawn); NOT_SIGNED when nobody had signed. The replaced one stays in the audit trail.",
  })
  @ValidateNested()
  signature?: VisitSignatureInput | null;
}

@InputType({ description: "Turn a check that needs action into an action-plan item." })
export class CreateActionItemFromVisitCheckInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;

  @Field(() => VisitCheckKind, { description: "The check (its result must be NEEDS_ACTION)." })
  kind!: VisitCheckKind;

  @Field(() => ActionItemOwner, { description: "Who carries it out." })
  owner!: ActionItemOwner;

  @Field(() => String, { nullable: true, description: "Title; by default the check's title." })
  @MaxLength(200)
  title?: string | null;

  @Field(() => Int, { nullable: true, description: "Estimate in hours." })
  @Min(0)
  estimateHours?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: "Estimated cost." })
  estimateCost?: MoneyInput | null;
}

@InputType({ description: "Which visit." })
export class VisitRefInput {
  @Field(() => ID, { description: "The visit." })
  visitId!: string;
}

export const ScheduleServiceVisitPayload = PayloadType(
  "ScheduleServiceVisitPayload",
  "serviceVisit",
  ServiceVisit,
  "booked visit",
);
export const RescheduleServiceVisitPayload = PayloadType(
  "RescheduleServiceVisitPayload",
  "serviceVisit",
  ServiceVisit,
  "moved visit",
);
export const RecordVisitChecksPayload = PayloadType(
  "RecordVisitChecksPayload",
  "serviceVisit",
  ServiceVisit,
  "visit with its checks",
);
export const RecordVisitCheckPayload = PayloadType(
  "RecordVisitCheckPayload",
  "visitCheck",
  VisitCheck,
  "recorded check",
);
export const CompleteServiceVisitPayload = PayloadType(
  "CompleteServiceVisitPayload",
  "serviceVisit",
  ServiceVisit,
  "completed visit",
);
export const SignVisitProtocolPayload = PayloadType(
  "SignVisitProtocolPayload",
  "serviceVisit",
  ServiceVisit,
  "signed visit",
);
export const AcknowledgeVisitProtocolPayload = PayloadType(
  "AcknowledgeVisitProtocolPayload",
  "serviceVisit",
  ServiceVisit,
  "acknowledged visit",
);
export const CorrectVisitProtocolPayload = PayloadType(
  "CorrectVisitProtocolPayload",
  "protocolVersion",
  VisitProtocolVersion,
  "new protocol version",
);
export const CreateActionItemFromVisitCheckPayload = PayloadType(
  "CreateActionItemFromVisitCheckPayload",
  "actionItem",
  ActionItem,
  "new action item",
);

@ObjectType({ description: "Result of `sendVisitProtocol`." })
export class SendVisitProtocolPayload {
  @Field(() => ServiceVisit, { nullable: true, description: "The visit; null when userErrors is not empty." })
  serviceVisit!: ServiceVisit | null;

  @Field(() => [String], { description: "Who the protocol was queued for." })
  recipients!: string[];

  @Field(() => [UserError], { description: "What was wrong; empty on success. When not empty, nothing was written." })
  userErrors!: UserError[];
}
