import { MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { Node } from "../../shared/node.js";
import { attachmentDownloadUrl } from "./attachment-download-url.js";
import { downloadFileName } from "./attachment-file-name.js";
import { routingMessage, type RoutingReasonCode } from "./case-routing.js";
import type { SupportAttachmentRow, SupportCaseRow, SupportMessageRow } from "./support-case.service.js";
import {
  RoutedTo,
  SupportCaseCategory,
  SupportCaseDeadline,
  SupportCaseSource,
  SupportCaseStatus,
  SupportMessageSide,
  SupportPriority,
} from "./support.enums.js";

@ObjectType({
  description: "Why a case went where it did, as a code to switch on and in words the customer understands.",
})
export class RoutingReason {
  @Field(() => String, {
    description: "INSTALLER_ON_AGREEMENT, PROPERTY_INSTALLER, NO_INSTALLER, VENDOR_QUESTION or HANDED_OVER.",
  })
  code!: string;

  @Field(() => String, { description: "The reason in English." })
  message!: string;

  @Field(() => String, { description: "The reason in Swedish." })
  messageSv!: string;
}

/** The limited actor is shared by every module; the old name stays for the support code. */
export { Actor as SupportCaseActor } from "../parties/index.js";

@ObjectType({ description: "A stretch of time when the case waited on the customer and the clock stood still." })
export class SupportCasePause {
  @Field(() => DateTimeResolver, { description: "When the case began waiting on the customer." })
  startedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it stopped; null while it still waits." })
  endedAt!: Date | null;
}

@ObjectType({
  implements: Node,
  description:
    "A file sent with a case or a message: a PNG or JPEG screenshot, a PDF or a text/log file. Its bytes are fetched from `downloadUrl`.",
})
export class SupportCaseAttachment extends Node {
  row!: SupportAttachmentRow;

  @Field(() => String, { description: "The name it was sent with." })
  fileName!: string;

  @Field(() => String, {
    description:
      "The name the download carries: the sent name with the extension of the type its content proved (`report.html` holding text is `report.txt`).",
  })
  downloadFileName!: string;

  @Field(() => String, {
    description: "The type its content proves: image/png, image/jpeg, application/pdf or text/plain.",
  })
  contentType!: string;

  @Field(() => Int, { description: "Size in bytes." })
  sizeBytes!: number;

  @Field(() => DateTimeResolver, { description: "When it was sent." })
  createdAt!: Date;

  @Field(() => String, {
    description:
      "Where to GET the file: a URL relative to the API's origin (`/support/attachments/<id>`, beside `/graphql`), answered with the same `Authorization: Bearer` token as GraphQL. The bytes come as a download (`Content-Disposition: attachment` with `downloadFileName`, `X-Content-Type-Options: nosniff`); an attachment the caller may not see is 404.",
  })
  downloadUrl!: string;

  static from(row: SupportAttachmentRow): SupportCaseAttachment {
    return Object.assign(new SupportCaseAttachment(), {
      row,
      id: toGlobalId("SupportCaseAttachment", row.id),
      fileName: row.fileName,
      downloadFileName: downloadFileName(row.fileName, row.contentType),
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      createdAt: row.createdAt,
      downloadUrl: attachmentDownloadUrl(row.id),
    });
  }
}

@ObjectType({
  implements: Node,
  description: "A message in a case's thread. Internal notes are shown only to the staff side.",
})
export class SupportCaseMessage extends Node {
  row!: SupportMessageRow;

  @Field(() => String, { description: "The text." })
  body!: string;

  @Field(() => SupportMessageSide, { description: "Who wrote it." })
  side!: SupportMessageSide;

  @Field(() => Boolean, { description: "An internal note of the staff side; never shown to the customer." })
  internal!: boolean;

  @Field(() => Boolean, {
    description: "The note written when the case was handed over between the vendor and the partner.",
  })
  handover!: boolean;

  @Field(() => DateTimeResolver, { description: "When it was written." })
  createdAt!: Date;

  static from(row: SupportMessageRow): SupportCaseMessage {
    return Object.assign(new SupportCaseMessage(), {
      row,
      id: toGlobalId("SupportCaseMessage", row.id),
      body: row.body,
      side: row.side as SupportMessageSide,
      internal: row.internal,
      handover: row.handover,
      createdAt: row.createdAt,
    });
  }
}

@ObjectType({
  implements: Node,
  description:
    "A customer's question to support, with its routing, priority, first-response deadline in open hours, and thread.",
})
export class SupportCase extends Node {
  row!: SupportCaseRow;

  @Field(() => String, { description: "Readable case number, e.g. SC-2026-0042." })
  number!: string;

  @Field(() => SupportCaseCategory, { description: "What the case is about." })
  category!: SupportCaseCategory;

  @Field(() => SupportCaseSource, { description: "Who opened it: a person, or Trygg's monitoring on an incident." })
  source!: SupportCaseSource;

  @Field(() => String, { description: "Subject." })
  subject!: string;

  @Field(() => String, { description: "The customer's description." })
  description!: string;

  @Field(() => SupportCaseStatus, { description: "Where the case stands." })
  status!: SupportCaseStatus;

  @Field(() => RoutedTo, { description: "Who answers: the vendor's support or the customer's installer." })
  routedTo!: RoutedTo;

  @Field(() => RoutingReason, { description: "Why it went there." })
  routingReason!: RoutingReason;

  @Field(() => SupportPriority, { description: "Priority from the covering agreement." })
  priority!: SupportPriority;

  @Field(() => Boolean, { description: "Whether a valid support agreement covered the case when it was opened." })
  coveredByAgreement!: boolean;

  @Field(() => Float, { description: "Open hours support has for the first answer (from the response-target table)." })
  responseTargetHours!: number;

  @Field(() => DateTimeResolver, { description: "When the case was opened." })
  openedAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "When the first answer is due, counted in open hours with the pauses left out; null while the case waits on the customer with time left.",
  })
  responseDueAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the staff side first answered the customer; the first-response clock stops there.",
  })
  firstRespondedAt!: Date | null;

  static from(row: SupportCaseRow, partnerName: string | null = null): SupportCase {
    const text = routingMessage(row.routingReason as RoutingReasonCode, partnerName);
    return Object.assign(new SupportCase(), {
      row,
      id: toGlobalId("SupportCase", row.id),
      number: row.number,
      category: row.category as SupportCaseCategory,
      source: row.source as SupportCaseSource,
      subject: row.subject,
      description: row.description,
      status: row.status as SupportCaseStatus,
      routedTo: row.routedTo as RoutedTo,
      routingReason: Object.assign(new RoutingReason(), {
        code: row.routingReason,
        message: text.en,
        messageSv: text.sv,
      }),
      priority: row.priority as SupportPriority,
      coveredByAgreement: row.agreementId !== null,
      responseTargetHours: row.responseTargetHours,
      openedAt: row.openedAt,
      responseDueAt: row.responseDueAt,
      firstRespondedAt: row.firstRespondedAt,
    });
  }
}

export const SupportCaseConnection = ConnectionType(SupportCase, "SupportCase", "support case");

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

export const OpenSupportCasePayload = PayloadType(
  "OpenSupportCasePayload",
  "supportCase",
  SupportCase,
  "case as opened",
);
export const ReplyToSupportCasePayload = PayloadType(
  "ReplyToSupportCasePayload",
  "message",
  SupportCaseMessage,
  "message as stored",
);
export const SetSupportCaseStatusPayload = PayloadType(
  "SetSupportCaseStatusPayload",
  "supportCase",
  SupportCase,
  "case after the change",
);
export const AssignSupportCasePayload = PayloadType(
  "AssignSupportCasePayload",
  "supportCase",
  SupportCase,
  "case after the change",
);
export const HandOverSupportCasePayload = PayloadType(
  "HandOverSupportCasePayload",
  "supportCase",
  SupportCase,
  "case after the hand-over",
);
