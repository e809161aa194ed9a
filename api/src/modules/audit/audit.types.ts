import { DateTimeResolver, JSONObjectResolver } from "graphql-scalars";
import { MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { auditEvents } from "../../db/schema/index.js";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId, type NodeTypeName } from "../../shared/ids.js";
import { Node } from "../../shared/node.js";
import { DateScalar } from "../../shared/scalars.js";

@ObjectType({
  implements: Node,
  description: "One entry of the audit trail: who did what to which object, when, and how.",
})
export class AuditEvent extends Node {
  actorUserUuid!: string | null;

  @Field(() => DateTimeResolver, { description: "When it happened." })
  occurredAt!: Date;

  @Field(() => String, { description: "What was done, as object.verb, e.g. organisation.create, apiToken.revoke." })
  action!: string;

  @Field(() => String, { description: "The type of the object acted on, e.g. Organisation." })
  objectType!: string;

  @Field(() => ID, { description: "Global id of the object acted on." })
  objectId!: string;

  @Field(() => String, { description: "SESSION, API_TOKEN or SYSTEM (start-up and seeding)." })
  via!: string;

  @Field(() => ID, { nullable: true, description: "Global id of the API token used, when via API_TOKEN." })
  apiTokenId!: string | null;

  @Field(() => String, { nullable: true, description: "The request id, to find the request in the logs." })
  requestId!: string | null;

  @Field(() => JSONObjectResolver, { description: "What changed: the values written." })
  details!: Record<string, unknown>;

  static from(row: typeof auditEvents.$inferSelect): AuditEvent {
    const known = [
      "Organisation",
      "User",
      "Property",
      "ApiToken",
      "Agreement",
      "HanteraAccount",
      "LicenceRental",
      "AddOn",
      "ProductRelease",
      "Tailoring",
    ].includes(row.objectType);
    return Object.assign(new AuditEvent(), {
      id: toGlobalId("AuditEvent", row.id),
      actorUserUuid: row.actorUserId,
      occurredAt: row.occurredAt,
      action: row.action,
      objectType: row.objectType,
      objectId: known ? toGlobalId(row.objectType as NodeTypeName, row.objectId) : row.objectId,
      via: row.actorApiTokenId ? "API_TOKEN" : row.actorSessionId ? "SESSION" : "SYSTEM",
      apiTokenId: row.actorApiTokenId ? toGlobalId("ApiToken", row.actorApiTokenId) : null,
      requestId: row.requestId,
      details: row.details,
    });
  }
}

export const AuditEventConnection = ConnectionType(AuditEvent, "AuditEvent", "audit event");

@InputType({ description: "Filter for `auditEvents`." })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: "Only events about this object (its global id)." })
  objectId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events by this user (global id)." })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: "Only events of this action, e.g. user.create." })
  action?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only events about this kind of object, e.g. Organisation, User, Agreement.",
  })
  @MaxLength(100)
  objectType?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only events on or after this day (Swedish time)." })
  occurredFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only events on or before this day (Swedish time)." })
  occurredTo?: string | null;
}
