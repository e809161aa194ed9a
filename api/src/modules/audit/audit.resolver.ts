import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Actor, actorOf, User } from "../parties/index.js";
import type { Viewer } from "../../shared/viewer.js";
import { CurrentViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { fromGlobalId, NIL_UUID, uuidOf } from "../../shared/ids.js";
import { AUDITORS } from "./audit.roles.js";
import { listAuditEvents } from "./audit.service.js";
import { AuditEvent, AuditEventConnection, AuditEventFilter } from "./audit.types.js";

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(...AUDITORS)
  @Query(() => AuditEventConnection, { description: "The audit trail, newest first. Admins only." })
  async auditEvents(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => AuditEventFilter, { nullable: true, description: "Narrow the trail." })
    filter: AuditEventFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const c = await listAuditEvents(
      ctx.db,
      viewer,
      {
        objectId: filter?.objectId ? (fromGlobalId(filter.objectId)?.id ?? NIL_UUID) : null,
        actorUserId: filter?.actorId ? uuidOf(filter.actorId, "User") : null,
        action: filter?.action ?? null,
        objectType: filter?.objectType ?? null,
        occurredFrom: filter?.occurredFrom ?? null,
        occurredTo: filter?.occurredTo ?? null,
      },
      { ...page, countTotal: asksForTotalCount(info) },
    );
    return mapNodes(c, AuditEvent.from);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who did it; null for the system, and null where `node(id)` of that user would not answer: use `actorSummary`.",
  })
  async actor(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    if (!event.actorUserUuid) return null;
    const row = await ctx.loaders.visibleUser.load(event.actorUserUuid);
    return row && User.from(row);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "Who did it, as name and organisation name, for anyone who may see the event; null for the system.",
  })
  actorSummary(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return actorOf(ctx, event.actorUserUuid);
  }
}
