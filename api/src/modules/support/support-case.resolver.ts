import type { GraphQLResolveInfo } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import type { Viewer } from "../../shared/viewer.js";
import { CASE_HANDLERS, CASE_OPENERS } from "./support.roles.js";
import { actorOf, Organisation, Property, User } from "../parties/index.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { routingMessage, type RoutingReasonCode } from "./case-routing.js";
import { listSupportCases, openSupportCase } from "./support-case.service.js";
import { clockOfCase, type CaseClock } from "./case-clock.js";
import {
  assignSupportCase,
  handOverSupportCase,
  replyToSupportCase,
  setSupportCaseStatus,
} from "./support-case-thread.service.js";
import { MS_PER_HOUR } from "./support-calendar.js";
import {
  AssignSupportCaseInput,
  HandOverSupportCaseInput,
  OpenSupportCaseInput,
  ReplyToSupportCaseInput,
  SetSupportCaseStatusInput,
  SupportCaseFilter,
} from "./support-case.inputs.js";
import {
  AssignSupportCasePayload,
  HandOverSupportCasePayload,
  OpenSupportCasePayload,
  ReplyToSupportCasePayload,
  RoutingReason,
  SetSupportCaseStatusPayload,
  SupportCase,
  SupportCaseActor,
  SupportCaseAttachment,
  SupportCaseConnection,
  SupportCaseMessage,
  SupportCasePause,
} from "./support-case.types.js";

async function clockOf(c: SupportCase, ctx: Context, clock: CaseClock = "response") {
  const loaders = ctx.loaders;
  const [calendar, pauses] = await Promise.all([loaders.supportCalendar(), loaders.pausesByCase.load(c.row.id)]);
  return clockOfCase(calendar, c.row, pauses, ctx.now.getTime(), clock);
}

@Resolver(() => SupportCase)
export class SupportCaseResolver {
  @Authorized()
  @Query(() => SupportCaseConnection, {
    description:
      "Support cases the caller may see. Support staff and partners: a queue, the most urgent `responseDueAt` first. Customers: their organisation's, newest first.",
  })
  async supportCases(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => SupportCaseFilter, { nullable: true, description: "Narrow the list." })
    filter: SupportCaseFilter | null,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const c = await listSupportCases(
      ctx.db,
      viewer,
      {
        status: filter?.status,
        routedTo: filter?.routedTo,
        category: filter?.category,
        customerId: filter?.customerId ? uuidOf(filter.customerId, "Organisation") : null,
        assigneeId: filter?.assignedToMe ? viewer.userId : null,
        unassigned: filter?.unassigned,
        deadline: filter?.deadline,
        updatedSince: filter?.updatedSince,
      },
      { ...page, countTotal: asksForTotalCount(info) },
      ctx.now.getTime(),
    );
    return mapNodes(c, (row) => SupportCase.from(row));
  }

  @Authorized(...CASE_OPENERS)
  @Mutation(() => OpenSupportCasePayload, {
    description:
      "Open a support case (any customer user, with or without agreement; a partner or support for a customer). The customer gets a receipt with the case number and when to expect an answer.",
  })
  async openSupportCase(
    @Arg("input", () => OpenSupportCaseInput, { description: "The case." }) input: OpenSupportCaseInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const r = await openSupportCase(
      ctx.db,
      viewer,
      {
        ...input,
        customerId: input.customerId ? uuidOf(input.customerId, "Organisation") : null,
        propertyId: input.propertyId ? uuidOf(input.propertyId, "Property") : null,
      },
      ctx.now,
      ctx.app.attachmentLimits,
    );
    return payload(r, "supportCase", (row) => SupportCase.from(row));
  }

  @Authorized()
  @Mutation(() => ReplyToSupportCasePayload, {
    description:
      "Write in a case's thread; `internal: true` for a staff-side note. The customer's answer to a waiting case starts the clock again.",
  })
  async replyToSupportCase(
    @Arg("input", () => ReplyToSupportCaseInput, { description: "The message." }) input: ReplyToSupportCaseInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const r = await replyToSupportCase(
      ctx.db,
      viewer,
      { ...input, caseId: uuidOf(input.caseId, "SupportCase") },
      ctx.now,
      ctx.app.attachmentLimits,
    );
    return payload(r, "message", SupportCaseMessage.from);
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => SetSupportCaseStatusPayload, {
    description: "Change a case's status (the staff handling it). WAITING_ON_CUSTOMER pauses the clock.",
  })
  async setSupportCaseStatus(
    @Arg("input", () => SetSupportCaseStatusInput, { description: "Case and status." })
    input: SetSupportCaseStatusInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const r = await setSupportCaseStatus(
      ctx.db,
      viewer,
      { caseId: uuidOf(input.caseId, "SupportCase"), status: input.status },
      ctx.now,
    );
    return payload(r, "supportCase", (row) => SupportCase.from(row));
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => AssignSupportCasePayload, {
    description: "Assign a case to someone on the caller's support staff, or unassign it.",
  })
  async assignSupportCase(
    @Arg("input", () => AssignSupportCaseInput, { description: "Case and assignee." }) input: AssignSupportCaseInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const r = await assignSupportCase(
      ctx.db,
      viewer,
      {
        caseId: uuidOf(input.caseId, "SupportCase"),
        assigneeId: input.assigneeId ? uuidOf(input.assigneeId, "User") : null,
      },
      ctx.now,
    );
    return payload(r, "supportCase", (row) => SupportCase.from(row));
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => HandOverSupportCasePayload, {
    description:
      "Hand a case between the vendor's support and the customer's installer, with a note for the receiving side. NO_INSTALLER when there is nobody to hand to.",
  })
  async handOverSupportCase(
    @Arg("input", () => HandOverSupportCaseInput, { description: "Case, receiver, note." })
    input: HandOverSupportCaseInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const r = await handOverSupportCase(
      ctx.db,
      viewer,
      { caseId: uuidOf(input.caseId, "SupportCase"), to: input.to, note: input.note },
      ctx.now,
    );
    return payload(r, "supportCase", (row) => SupportCase.from(row));
  }

  @FieldResolver(() => RoutingReason, { description: "Why it went where it did, naming the installer." })
  async routingReason(@Root() c: SupportCase, @Ctx() ctx: Context) {
    const partner = c.row.partnerId ? await ctx.loaders.organisation.load(c.row.partnerId) : null;
    const text = routingMessage(
      c.row.routingReason as RoutingReasonCode,
      c.row.routingReason === "HANDED_OVER" && c.row.routedTo === "VENDOR" ? null : (partner?.name ?? null),
    );
    return Object.assign(new RoutingReason(), { code: c.row.routingReason, message: text.en, messageSv: text.sv });
  }

  @FieldResolver(() => Organisation, { description: "The customer." })
  async customer(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return Organisation.from((await ctx.loaders.organisation.load(c.row.customerId))!);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "The customer's installer (the partner that answers when routed to PARTNER); null when there is none.",
  })
  async partner(@Root() c: SupportCase, @Ctx() ctx: Context) {
    const row = c.row.partnerId ? await ctx.loaders.visibleOrganisation.load(c.row.partnerId) : null;
    return row && Organisation.from(row);
  }

  @FieldResolver(() => Property, { nullable: true, description: "The property the case concerns." })
  async property(@Root() c: SupportCase, @Ctx() ctx: Context) {
    const row = c.row.propertyId ? await ctx.loaders.property.load(c.row.propertyId) : null;
    return row && Property.from(row);
  }

  @FieldResolver(() => SupportCaseActor, {
    nullable: true,
    description: "Who opened the case; null when Trygg's monitoring opened it on an incident (see `source`).",
  })
  async openedBy(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return actorOf(ctx, c.row.openedBy);
  }

  @FieldResolver(() => SupportCaseActor, {
    nullable: true,
    description: "Who handles the case; null when nobody is assigned yet.",
  })
  async assignee(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return actorOf(ctx, c.row.assigneeId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "The assignee as a user, to tell colleagues with the same name apart (e.g. the one to preselect when reassigning): only where `node(id)` of that user answers too, as for the handler's own colleagues; otherwise null (a customer's view): use `assignee` for the name.",
  })
  async assigneeUser(@Root() c: SupportCase, @Ctx() ctx: Context) {
    const row = c.row.assigneeId ? await ctx.loaders.visibleUser.load(c.row.assigneeId) : null;
    return row && User.from(row);
  }

  @FieldResolver(() => DateTimeResolver, {
    nullable: true,
    description:
      "When support opened after the case came in, if it came in while support was closed; null when it was open.",
  })
  async supportOpensAt(@Root() c: SupportCase, @Ctx() ctx: Context) {
    const calendar = await ctx.loaders.supportCalendar();
    const at = c.row.openedAt.getTime();
    return calendar.isOpen(at) ? null : new Date(calendar.nextOpening(at));
  }

  @FieldResolver(() => Float, {
    description: "Open hours the first-response clock has run (pauses left out), up to now or the first answer.",
  })
  async openHoursUsed(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return (await clockOf(c, ctx)).usedMs / MS_PER_HOUR;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Open hours from now to the stored `responseDueAt` on the support calendar (negative when overdue); while the case waits on the customer, what the clock has left; null once answered, resolved or closed.",
  })
  async openHoursLeft(@Root() c: SupportCase, @Ctx() ctx: Context) {
    const left = (await clockOf(c, ctx)).leftMs;
    return left === null ? null : left / MS_PER_HOUR;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Open hours from now to the stored `resolutionDueAt` on the support calendar (negative when late); while the customer holds the case, what the clock has left; null once resolved or closed.",
  })
  async resolutionOpenHoursLeft(@Root() c: SupportCase, @Ctx() ctx: Context) {
    const left = (await clockOf(c, ctx, "resolution")).leftMs;
    return left === null ? null : left / MS_PER_HOUR;
  }

  @FieldResolver(() => Boolean, {
    description: "Still unanswered with at least 75% of the target used, not yet overdue.",
  })
  async nearDeadline(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return (await clockOf(c, ctx)).nearDeadline;
  }

  @FieldResolver(() => Boolean, { description: "Still unanswered after the whole target." })
  async overdue(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return (await clockOf(c, ctx)).overdue;
  }

  @FieldResolver(() => [SupportCasePause], { description: "The stretches when the case waited on the customer." })
  async pauses(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return (await ctx.loaders.pausesByCase.load(c.row.id)).map((p) =>
      Object.assign(new SupportCasePause(), { startedAt: p.startedAt, endedAt: p.endedAt }),
    );
  }

  @FieldResolver(() => [SupportCaseMessage], {
    description: "The thread, oldest first; internal notes only for the staff side allowed to read them.",
  })
  async messages(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return (await ctx.loaders.messagesByCase.load(c.row.id)).map(SupportCaseMessage.from);
  }

  @FieldResolver(() => [SupportCaseAttachment], {
    description: "Files sent when the case was opened (those sent with messages are on the messages).",
  })
  async attachments(@Root() c: SupportCase, @Ctx() ctx: Context) {
    return (await ctx.loaders.attachmentsByCase.load(c.row.id))
      .filter((a) => a.messageId === null)
      .map(SupportCaseAttachment.from);
  }
}

@Resolver(() => SupportCaseMessage)
export class SupportCaseMessageResolver {
  @FieldResolver(() => SupportCaseActor, { nullable: true, description: "Who wrote it." })
  async author(@Root() m: SupportCaseMessage, @Ctx() ctx: Context) {
    return actorOf(ctx, m.row.authorUserId);
  }

  @FieldResolver(() => [SupportCaseAttachment], { description: "Files sent with the message." })
  async attachments(@Root() m: SupportCaseMessage, @Ctx() ctx: Context) {
    return (await ctx.loaders.attachmentsByCase.load(m.row.caseId))
      .filter((a) => a.messageId === m.row.id)
      .map(SupportCaseAttachment.from);
  }
}

@Resolver(() => SupportCaseAttachment)
export class SupportCaseAttachmentResolver {
  @FieldResolver(() => String, {
    description:
      "The content, base64-encoded. Costly in the query cost (one case's files or a few single files per request); fetch `downloadUrl` instead.",
    deprecationReason:
      "Fetch the bytes from `downloadUrl`; lists of cases or messages cannot ask for this (query cost).",
  })
  async contentBase64(@Root() a: SupportCaseAttachment, @Ctx() ctx: Context) {
    return (await ctx.loaders.attachmentContent.load(a.row.id)).toString("base64");
  }
}
