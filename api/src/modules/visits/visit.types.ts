import { DateTimeResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { DateScalar } from "../../shared/scalars.js";
import { Node } from "../../shared/node.js";
import { Agreement } from "../agreements/index.js";
import { Product } from "../releases/index.js";
import type { SizeTrend } from "./database-size-trend.js";
import { CheckResult, ServiceVisitState, VisitCheckKind } from "./visit.enums.js";
import type { ProductVersion, VisitCheckKindRow, VisitCheckRow } from "./visit-checks.js";
import type { ProtocolVersionRow } from "./visit-protocol.js";
import { isOverdue, visitDay, type BookingRow, type ServiceVisitRow } from "./visit.service.js";

@ObjectType({ description: "Who did something, as far as any party may see: a name and an organisation's name." })
export class VisitActor {
  @Field(() => String, { description: "The person's name." })
  name!: string;

  @Field(() => String, { description: "The person's organisation." })
  organisationName!: string;
}

@ObjectType({ description: "A check kind of the visit protocol, from its table." })
export class VisitCheckKindInfo {
  @Field(() => VisitCheckKind, { description: "Stable code." })
  code!: VisitCheckKind;

  @Field(() => String, { description: "Title in Swedish." })
  titleSv!: string;

  @Field(() => String, { description: "Title in English." })
  titleEn!: string;

  @Field(() => Int, { description: "Place in the protocol, 1 first." })
  order!: number;

  static from(r: VisitCheckKindRow): VisitCheckKindInfo {
    return Object.assign(new VisitCheckKindInfo(), {
      code: r.code as VisitCheckKind,
      titleSv: r.titleSv,
      titleEn: r.titleEn,
      order: r.sortOrder,
    });
  }
}

@ObjectType({ description: "A program's installed version at the property against the latest release." })
export class VisitProductVersion {
  @Field(() => Product, { description: "Which program." })
  product!: Product;

  @Field(() => String, { nullable: true, description: "Installed version; null when not recorded." })
  installed!: string | null;

  @Field(() => String, { nullable: true, description: "The latest release." })
  latest!: string | null;

  @Field(() => Boolean, { description: "The installed version is behind the latest release." })
  outdated!: boolean;

  static from(v: ProductVersion): VisitProductVersion {
    return Object.assign(new VisitProductVersion(), { ...v, product: v.product as Product });
  }
}

@ObjectType({ description: "One check of a visit: its kind, result, note and, for the size check, the reading." })
export class VisitCheck {
  row!: VisitCheckRow | null;
  kindInfo!: VisitCheckKindInfo;

  @Field(() => VisitCheckKind, { description: "Which check." })
  kind!: VisitCheckKind;

  @Field(() => String, { description: "Title in Swedish." })
  titleSv!: string;

  @Field(() => String, { description: "Title in English." })
  titleEn!: string;

  @Field(() => Boolean, { description: "Recorded yet." })
  recorded!: boolean;

  @Field(() => CheckResult, { nullable: true, description: "The result; null until recorded." })
  result!: CheckResult | null;

  @Field(() => String, { description: "The technician's note." })
  note!: string;

  @Field(() => Float, { nullable: true, description: "DATABASE_SIZE: the reading in MB." })
  databaseSizeMb!: number | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was recorded." })
  recordedAt!: Date | null;

  static from(kind: VisitCheckKindRow, row: VisitCheckRow | null): VisitCheck {
    return Object.assign(new VisitCheck(), {
      row,
      kindInfo: VisitCheckKindInfo.from(kind),
      kind: kind.code as VisitCheckKind,
      titleSv: kind.titleSv,
      titleEn: kind.titleEn,
      recorded: !!row,
      result: (row?.result as CheckResult | undefined) ?? null,
      note: row?.note ?? "",
      databaseSizeMb: row?.databaseSizeMb ?? null,
      recordedAt: row?.recordedAt ?? null,
    });
  }
}

@ObjectType({ description: "A check as a protocol version froze it." })
export class ProtocolCheck {
  @Field(() => VisitCheckKind, { description: "Which check." })
  kind!: VisitCheckKind;

  @Field(() => CheckResult, { description: "The result." })
  result!: CheckResult;

  @Field(() => String, { description: "The note." })
  note!: string;

  @Field(() => Float, { nullable: true, description: "DATABASE_SIZE: the reading in MB." })
  databaseSizeMb!: number | null;
}

@ObjectType({
  description: "One frozen version of a visit protocol: version 1 at completion, later ones corrections with a reason.",
})
export class VisitProtocolVersion {
  createdByUuid!: string | null;

  @Field(() => Int, { description: "1, 2, …" })
  version!: number;

  @Field(() => String, { nullable: true, description: "Why it was corrected; null for version 1." })
  reason!: string | null;

  @Field(() => [ProtocolCheck], { description: "The checks as frozen." })
  checks!: ProtocolCheck[];

  @Field(() => DateTimeResolver, { description: "When this version was made." })
  createdAt!: Date;

  static from(r: ProtocolVersionRow): VisitProtocolVersion {
    return Object.assign(new VisitProtocolVersion(), {
      createdByUuid: r.createdById,
      version: r.version,
      reason: r.reason,
      createdAt: r.createdAt,
      checks: r.checks.map((c) =>
        Object.assign(new ProtocolCheck(), {
          kind: c.kind as VisitCheckKind,
          result: c.result as CheckResult,
          note: c.note,
          databaseSizeMb: c.databaseSizeMb,
        }),
      ),
    });
  }
}

@ObjectType({ description: "The customer's contact's signature, drawn on the technician's tablet." })
export class VisitSignature {
  @Field(() => String, { description: "Who signed." })
  signedByName!: string;

  @Field(() => DateTimeResolver, { description: "When." })
  signedAt!: Date;

  @Field(() => String, { description: "The drawn signature, a PNG data URL." })
  imageDataUrl!: string;
}

@ObjectType({ description: "A customer user's acknowledgement of the protocol in the portal." })
export class VisitAcknowledgement {
  byUuid!: string;

  @Field(() => DateTimeResolver, { description: "When." })
  acknowledgedAt!: Date;
}

@ObjectType({ description: "The database size at one visit." })
export class DatabaseSizePoint {
  @Field(() => DateScalar, { description: "The visit's date." })
  visitedOn!: string;

  @Field(() => Float, { description: "The reading in MB." })
  sizeMb!: number;
}

@ObjectType({
  description: "How the database size has changed: since the last visit and over all visits up to this one.",
})
export class DatabaseSizeTrend {
  @Field(() => Float, { nullable: true, description: "This visit's reading in MB." })
  currentMb!: number | null;

  @Field(() => Float, { nullable: true, description: "The previous visit's reading in MB." })
  previousMb!: number | null;

  @Field(() => Float, { nullable: true, description: "Change since the previous visit, MB." })
  changeMb!: number | null;

  @Field(() => Float, { nullable: true, description: "Change since the previous visit, percent." })
  changePercent!: number | null;

  @Field(() => Float, { nullable: true, description: "Growth over all visits (least squares), MB a year." })
  growthMbPerYear!: number | null;

  @Field(() => [DatabaseSizePoint], { description: "Every reading up to this visit, oldest first." })
  points!: DatabaseSizePoint[];

  static from(t: SizeTrend): DatabaseSizeTrend {
    return Object.assign(new DatabaseSizeTrend(), {
      currentMb: t.current?.sizeMb ?? null,
      previousMb: t.previous?.sizeMb ?? null,
      changeMb: t.changeMb,
      changePercent: t.changePercent,
      growthMbPerYear: t.growthMbPerYear,
      points: t.readings.map((r) =>
        Object.assign(new DatabaseSizePoint(), { visitedOn: r.visitedOn, sizeMb: r.sizeMb }),
      ),
    });
  }
}

@ObjectType({ description: "One booking of a visit: the first, or a rescheduling with its reason." })
export class VisitBooking {
  technicianUuid!: string;
  changedByUuid!: string | null;

  @Field(() => DateTimeResolver, { description: "The time booked." })
  scheduledAt!: Date;

  @Field(() => String, { nullable: true, description: "Why it was moved." })
  reason!: string | null;

  @Field(() => DateTimeResolver, { description: "When the booking was made." })
  changedAt!: Date;

  static from(r: BookingRow): VisitBooking {
    return Object.assign(new VisitBooking(), {
      technicianUuid: r.technicianId,
      changedByUuid: r.changedById,
      scheduledAt: r.scheduledAt,
      reason: r.reason,
      changedAt: r.changedAt,
    });
  }
}

@ObjectType({ description: "The protocol as a PDF, for download." })
export class VisitProtocolPdf {
  @Field(() => String, { description: "A file name for saving it." })
  filename!: string;

  @Field(() => String, { description: "application/pdf." })
  contentType!: string;

  @Field(() => String, { description: "The PDF, base64." })
  base64!: string;
}

@ObjectType({ implements: Node, description: "The annual on-site support visit of a 500+ agreement and its protocol." })
export class ServiceVisit extends Node {
  row!: ServiceVisitRow;

  @Field(() => DateTimeResolver, { description: "When the visit is booked." })
  scheduledAt!: Date;

  @Field(() => DateScalar, { description: "The visit's day, in Swedish time." })
  visitedOn!: string;

  @Field(() => ServiceVisitState, { description: "Booked, overdue or completed." })
  state!: ServiceVisitState;

  @Field(() => Boolean, { description: "Past its time and not completed." })
  overdue!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was completed (the protocol frozen)." })
  completedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the protocol was last e-mailed." })
  protocolSentAt!: Date | null;

  @Field(() => Int, { description: "Increases with every change." })
  version!: number;

  @Field(() => DateTimeResolver, {
    description: "When it or its bookings, checks or protocol versions were last written.",
  })
  updatedAt!: Date;

  @Field(() => VisitSignature, { nullable: true, description: "The signature drawn on site, if any." })
  signature!: VisitSignature | null;

  static from(r: ServiceVisitRow, now: Date): ServiceVisit {
    const overdue = isOverdue(r, now);
    return Object.assign(new ServiceVisit(), {
      id: toGlobalId("ServiceVisit", r.id),
      row: r,
      scheduledAt: r.scheduledAt,
      visitedOn: visitDay(r),
      state: r.completedAt
        ? ServiceVisitState.COMPLETED
        : r.cancelledAt
          ? ServiceVisitState.CANCELLED
          : overdue
            ? ServiceVisitState.OVERDUE
            : ServiceVisitState.BOOKED,
      overdue,
      completedAt: r.completedAt,
      protocolSentAt: r.protocolSentAt,
      version: r.version,
      updatedAt: r.updatedAt,
      signature:
        r.signedAt && r.signaturePng
          ? Object.assign(new VisitSignature(), {
              signedByName: r.signedByName ?? "",
              signedAt: r.signedAt,
              imageDataUrl: r.signaturePng,
            })
          : null,
    });
  }
}

export const ServiceVisitConnection = ConnectionType(ServiceVisit, "ServiceVisit", "service visit");

@ObjectType({
  description: "An annual visit proposed from the tailoring's agreed end date, and the visit booked for it.",
})
export class VisitProposal {
  visitUuid!: string | null;

  @Field(() => DateScalar, { description: "The proposed day." })
  proposedOn!: string;

  @Field(() => ID, { nullable: true, description: "Global id of the visit booked for it, if any." })
  visitId!: string | null;
}

@ObjectType({
  description:
    "An agreement whose annual visit is due for booking: proposed within 90 days (or missed by up to half a year) and not booked.",
})
export class VisitToBook {
  @Field(() => Agreement, { description: "The agreement the visit belongs to." })
  agreement!: Agreement;

  @Field(() => DateScalar, { description: "The day proposed from the tailoring's agreed end date." })
  proposedOn!: string;

  @Field(() => Boolean, { description: "The proposed day has passed and nothing is booked yet." })
  late!: boolean;
}

export const VisitToBookConnection = ConnectionType(VisitToBook, "VisitToBook", "visit to book");
