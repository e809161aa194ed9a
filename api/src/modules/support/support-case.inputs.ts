import { MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import {
  RoutedTo,
  SupportCaseCategory,
  SupportCaseDeadline,
  SupportCaseSeverity,
  SupportCaseStatus,
} from "./support.enums.js";

@InputType({ description: "Narrow the list of support cases." })
export class SupportCaseFilter {
  @Field(() => [SupportCaseStatus], { nullable: true, description: "Only these statuses." })
  status?: SupportCaseStatus[] | null;

  @Field(() => RoutedTo, { nullable: true, description: "Only cases routed here." })
  routedTo?: RoutedTo | null;

  @Field(() => [SupportCaseCategory], { nullable: true, description: "Only these categories." })
  category?: SupportCaseCategory[] | null;

  @Field(() => ID, { nullable: true, description: "Only this customer's cases." })
  customerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only cases assigned to the caller." })
  assignedToMe?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only cases nobody is assigned to." })
  unassigned?: boolean | null;

  @Field(() => SupportCaseDeadline, {
    nullable: true,
    description: "Only unanswered open cases at this mark, as `overdue` and `nearDeadline` read now.",
  })
  deadline?: SupportCaseDeadline | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "Only those changed after this instant: written (`updatedAt`: the case, its messages, its pauses), or past a deadline or its near-deadline mark since (`overdue` or `nearDeadline` turned with the clock alone). For an incremental sync: pass the start of the previous sync, less a minute.",
  })
  updatedSince?: Date | null;
}

@InputType({
  description:
    "A file to attach: PNG, JPEG, PDF or plain text/log, base64-encoded; all files of one request together at most 700 KB.",
})
export class SupportAttachmentInput {
  @Field(() => String, { description: "The file's name." })
  @MaxLength(200)
  fileName!: string;

  @Field(() => String, { description: "The content, base64-encoded. The type is checked from the content itself." })
  contentBase64!: string;
}

@InputType({ description: "A new support case." })
export class OpenSupportCaseInput {
  @Field(() => ID, {
    nullable: true,
    description: "The customer (required for partners and vendor staff; a customer's own users leave it out).",
  })
  customerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The property it concerns, if any; it decides the installer and the covering agreement.",
  })
  propertyId?: string | null;

  @Field(() => SupportCaseCategory, {
    description: "What it is about; programming and daily operation go to the installer.",
  })
  category!: SupportCaseCategory;

  @Field(() => SupportCaseSeverity, {
    nullable: true,
    description:
      "How bad it is: with the agreement's tier it sets the priority and both targets. Left out: PARTIAL, the targets every case had before severities.",
  })
  severity?: SupportCaseSeverity | null;

  @Field(() => String, { description: "Subject." })
  @MaxLength(200)
  subject!: string;

  @Field(() => String, { description: "What happened, what was expected." })
  @MaxLength(20000)
  description!: string;

  @Field(() => [SupportAttachmentInput], { nullable: true, description: "Screenshots, documents, logs (at most 5)." })
  attachments?: SupportAttachmentInput[] | null;
}

@InputType({ description: "A message in a case's thread." })
export class ReplyToSupportCaseInput {
  @Field(() => ID, { description: "The case." })
  caseId!: string;

  @Field(() => String, { description: "The text." })
  @MaxLength(20000)
  body!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "An internal note for the staff side (vendor support, or the partner the case is routed to).",
  })
  internal?: boolean | null;

  @Field(() => [SupportAttachmentInput], { nullable: true, description: "Files (at most 5)." })
  attachments?: SupportAttachmentInput[] | null;
}

@InputType({
  description:
    "A new status, set by the staff handling the case. WAITING_ON_CUSTOMER stops the clock; leaving it starts it again.",
})
export class SetSupportCaseStatusInput {
  @Field(() => ID, { description: "The case." })
  caseId!: string;

  @Field(() => SupportCaseStatus, { description: "The new status." })
  status!: SupportCaseStatus;
}

@InputType({ description: "Who handles a case: someone on the caller's own support staff, or nobody." })
export class AssignSupportCaseInput {
  @Field(() => ID, { description: "The case." })
  caseId!: string;

  @Field(() => ID, { nullable: true, description: "The user; null unassigns." })
  assigneeId?: string | null;
}

@InputType({ description: "Hand a case between the vendor's support and the customer's installer." })
export class HandOverSupportCaseInput {
  @Field(() => ID, { description: "The case." })
  caseId!: string;

  @Field(() => RoutedTo, { description: "Who takes over." })
  to!: RoutedTo;

  @Field(() => String, { description: "A note for whoever takes over (not shown to the customer)." })
  @MaxLength(5000)
  note!: string;
}
