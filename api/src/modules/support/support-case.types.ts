import { DateTimeResolver } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";
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
  SupportCaseSeverity,
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
    description: "INSTALLER_ON_AGREEMENT, PROPERTY_INSTALLER, NO_INSTALLER, VENDOR_QUESTION, HANDED_OVER or ESCALATED.",
  })
  code!: string;

  @Field(() => String, { description: "The reason in English." })
  message!: string;

  @Field(() => String, { description: "The reason in Swedish." })
  messageSv!: string;
}

/** The limited actor is shared by every module; the old name stays for the support code. */
export { Actor as SupportCaseActor } from "../parties/index.js";

@ObjectType({
  description: "A person without an account who wrote on the public contact page: not a Trygg user.",
})
export class ContactPageSender {
  @Field(() => String, { description: "The name they gave." })
  name!: string;

  @Field(() => String, { description: "The e-mail address they gave: the answer goes there." })
  email!: string;
}

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

  @Field(() => String, {
    description:
      "What the case is about, in the words of whoever opened it; of `contactSender` when the case came from the contact page.",
  })
  description!: string;

  @Field(() => ContactPageSender, {
    nullable: true,
    description:
      "Who wrote `description` on the public contact page, when the case is a help request staff linked to the customer (`openedBy` is then the staff member who linked it, not its author); null otherwise.",
  })
  contactSender!: ContactPageSender | null;

  @Field(() => SupportCaseStatus, { description: "Where the case stands." })
  status!: SupportCaseStatus;

  @Field(() => RoutedTo, { description: "Who answers: the vendor's support or the customer's installer." })
  routedTo!: RoutedTo;

  @Field(() => RoutingReason, { description: "Why it went there." })
  routingReason!: RoutingReason;

  @Field(() => SupportCaseSeverity, { description: "How bad it is, as the one who opened the case said." })
  severity!: SupportCaseSeverity;

  @Field(() => SupportPriority, { description: "Priority from the covering agreement's tier and the severity." })
  priority!: SupportPriority;

  @Field(() => Boolean, { description: "Whether a valid support agreement covered the case when it was opened." })
  coveredByAgreement!: boolean;

  @Field(() => Float, { description: "Open hours support has for the first answer (from the response-target table)." })
  responseTargetHours!: number;

  @Field(() => Float, {
    description: "Open hours support has to resolve the case (from the response-target table), pauses left out.",
  })
  resolutionTargetHours!: number;

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

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "When the case is due to be resolved, counted like `responseDueAt`; null while the customer holds the case (waiting on them, or resolved) with time left. Kept as it was once the case is resolved.",
  })
  resolutionDueAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the case was last resolved or closed; null while it is open. A customer's reply reopens it.",
  })
  resolvedAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "When the case came back to the vendor's queue because the installer it was routed to had not answered by `responseDueAt`.",
  })
  escalatedAt!: Date | null;

  @Field(() => DateTimeResolver, {
    description: "When it, its messages or its pauses were last written.",
  })
  updatedAt!: Date;

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
      contactSender:
        row.senderName && row.senderEmail
          ? Object.assign(new ContactPageSender(), { name: row.senderName, email: row.senderEmail })
          : null,
      status: row.status as SupportCaseStatus,
      routedTo: row.routedTo as RoutedTo,
      routingReason: Object.assign(new RoutingReason(), {
        code: row.routingReason,
        message: text.en,
        messageSv: text.sv,
      }),
      severity: row.severity as SupportCaseSeverity,
      priority: row.priority as SupportPriority,
      coveredByAgreement: row.agreementId !== null,
      responseTargetHours: row.responseTargetHours,
      resolutionTargetHours: row.resolutionTargetHours,
      openedAt: row.openedAt,
      responseDueAt: row.responseDueAt,
      firstRespondedAt: row.firstRespondedAt,
      resolutionDueAt: row.resolutionDueAt,
      resolvedAt: row.resolvedAt,
      escalatedAt: row.escalatedAt,
      updatedAt: row.updatedAt,
    });
  }
}

export const SupportCaseConnection = ConnectionType(SupportCase, "SupportCase", "support case");

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
