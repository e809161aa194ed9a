import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes, paginate } from "../../shared/connection.js";
import { toGlobalId, uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Agreement, findAgreement } from "../agreements/index.js";
import { Property, readerLanguage } from "../parties/index.js";
import { ActionItem, findActionItem } from "../tailoring/index.js";
import { createActionItemFromCheck } from "./visit-action-item.js";
import { hardwarePrefill, missingKinds, recordVisitCheck } from "./visit-checks.js";
import * as mail from "./visit-mail.js";
import { ProtocolPdfFailed, renderProtocolPdf } from "./protocol-pdf.js";
import { completeServiceVisit, correctVisitProtocol, protocolVersionsOf } from "./visit-protocol.js";
import { protocolDocument } from "./visit-protocol-document.js";
import { acknowledgeVisitProtocol, signVisitProtocol } from "./visit-signature.js";
import { PROTOCOL_ACKNOWLEDGERS, PROTOCOL_SENDERS, TECHNICIANS } from "./visit.roles.js";
import * as service from "./visit.service.js";
import { visitsToBook } from "./visits-to-book.js";
import {
  AcknowledgeVisitProtocolPayload,
  CompleteServiceVisitInput,
  CompleteServiceVisitPayload,
  CorrectVisitProtocolInput,
  CorrectVisitProtocolPayload,
  CreateActionItemFromVisitCheckInput,
  CreateActionItemFromVisitCheckPayload,
  RecordVisitCheckInput,
  RecordVisitCheckPayload,
  SendVisitProtocolPayload,
  ServiceVisitFilter,
  SignVisitProtocolInput,
  SignVisitProtocolPayload,
  VisitRefInput,
} from "./visit.inputs.js";
import {
  DatabaseSizeTrend,
  ServiceVisit,
  ServiceVisitConnection,
  VisitAcknowledgement,
  VisitActor,
  VisitBooking,
  VisitCheck,
  VisitCheckKindInfo,
  VisitProductVersion,
  VisitProtocolPdf,
  VisitProtocolVersion,
  VisitToBook,
  VisitToBookConnection,
} from "./visit.types.js";

/** A person as any party may see them on a protocol: name and organisation, never the full User. */
export async function actorOf(ctx: Context, userId: string | null): Promise<VisitActor | null> {
  const user = userId ? await ctx.loaders.user.load(userId) : null;
  const org = user ? await ctx.loaders.organisation.load(user.organisationId) : null;
  return user ? Object.assign(new VisitActor(), { name: user.name, organisationName: org?.name ?? "" }) : null;
}

/** A visit as the request sees it: overdue or not at the request's instant. */
const visitOf = (ctx: Context) => (row: service.ServiceVisitRow) => ServiceVisit.from(row, ctx.now);
const V = (id: string) => uuidOf(id, "ServiceVisit");

@Resolver(() => ServiceVisit)
export class ServiceVisitResolver {
  @Authorized()
  @Query(() => ServiceVisitConnection, {
    description:
      "The visit calendar: visits of the agreements the caller may see, by time. `filter: { overdue: true }` is the support staff's and sellers' list of missed visits.",
  })
  async serviceVisits(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => ServiceVisitFilter, { nullable: true, description: "Narrow the list." })
    filter: ServiceVisitFilter | null,
    @Ctx() ctx: Context,
  ) {
    const f = { ...filter, agreementId: filter?.agreementId ? uuidOf(filter.agreementId, "Agreement") : null };
    return mapNodes(
      await service.listServiceVisits(
        ctx.db,
        requireViewer(ctx),
        f,
        { ...page, countTotal: asksForTotalCount(info) },
        ctx.now,
      ),
      visitOf(ctx),
    );
  }

  @Authorized()
  @Query(() => VisitToBookConnection, {
    description:
      "Annual visits due for booking on the agreements the caller may see (a seller: his own), earliest proposed day first.",
  })
  async visitsToBook(@Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    const due = await visitsToBook(ctx.db, requireViewer(ctx), ctx.clock);
    const toNode = (d: (typeof due)[number]) =>
      Object.assign(new VisitToBook(), {
        agreement: Agreement.from(d.agreement),
        proposedOn: d.proposedOn,
        late: d.proposedOn < ctx.clock.today,
      });
    return paginate(
      page,
      async () => due.length,
      async (offset, limit) => due.slice(offset, offset + limit),
      toNode,
    );
  }

  @Authorized()
  @Query(() => [VisitCheckKindInfo], { description: "The checks of the visit protocol, in order, with their titles." })
  async visitCheckKinds(@Ctx() ctx: Context) {
    return (await ctx.loaders.visitCheckKinds()).map(VisitCheckKindInfo.from);
  }

  @Authorized(...TECHNICIANS)
  @Mutation(() => RecordVisitCheckPayload, {
    description: "Record one check; VISIT_COMPLETED once the protocol is frozen (correct it instead).",
  })
  async recordVisitCheck(
    @Arg("input", () => RecordVisitCheckInput, { description: "The check." }) input: RecordVisitCheckInput,
    @Ctx() ctx: Context,
  ) {
    const r = await recordVisitCheck(
      ctx.db,
      requireViewer(ctx),
      { ...input, visitId: V(input.visitId) },
      ctx.clock,
      ctx.now,
    );
    const kinds = await ctx.loaders.visitCheckKinds();
    return payload(r, "visitCheck", (row) =>
      VisitCheck.from(
        kinds.find((k) => k.code === row.kind)!,
        row,
      ),
    );
  }

  @Authorized(...TECHNICIANS)
  @Mutation(() => CreateActionItemFromVisitCheckPayload, {
    description: "A NEEDS_ACTION check becomes an item at the end of the agreement's action plan, linked both ways.",
  })
  async createActionItemFromVisitCheck(
    @Arg("input", () => CreateActionItemFromVisitCheckInput, { description: "Check, owner, estimate." })
    input: CreateActionItemFromVisitCheckInput,
    @Ctx() ctx: Context,
  ) {
    const r = await createActionItemFromCheck(
      ctx.db,
      requireViewer(ctx),
      { ...input, visitId: V(input.visitId), estimateMinor: input.estimateCost?.amountMinor ?? null },
      ctx.clock,
    );
    return payload(r, "actionItem", ActionItem.from);
  }

  @Authorized(...TECHNICIANS)
  @Mutation(() => CompleteServiceVisitPayload, {
    description: "Freeze the protocol as version 1; VISIT_INCOMPLETE names the checks still missing (also in `field`).",
  })
  async completeServiceVisit(
    @Arg("input", () => CompleteServiceVisitInput, { description: "Visit, reading, signature." })
    input: CompleteServiceVisitInput,
    @Ctx() ctx: Context,
  ) {
    const r = await completeServiceVisit(
      ctx.db,
      requireViewer(ctx),
      { ...input, visitId: V(input.visitId) },
      ctx.clock,
      ctx.now,
    );
    return payload(r, "serviceVisit", visitOf(ctx));
  }

  @Authorized(...TECHNICIANS)
  @Mutation(() => CorrectVisitProtocolPayload, {
    description: "Correct a frozen protocol: a new version with a reason; nothing is edited in place.",
  })
  async correctVisitProtocol(
    @Arg("input", () => CorrectVisitProtocolInput, { description: "Visit, reason, corrected checks." })
    input: CorrectVisitProtocolInput,
    @Ctx() ctx: Context,
  ) {
    const r = await correctVisitProtocol(
      ctx.db,
      requireViewer(ctx),
      { ...input, visitId: V(input.visitId) },
      ctx.clock,
    );
    return payload(r, "protocolVersion", VisitProtocolVersion.from);
  }

  @Authorized(...TECHNICIANS)
  @Mutation(() => SignVisitProtocolPayload, {
    description:
      "The customer's contact signs the completed protocol on the technician's tablet; INVALID_SIGNATURE unless a PNG.",
  })
  async signVisitProtocol(
    @Arg("input", () => SignVisitProtocolInput, { description: "Visit and signature." }) input: SignVisitProtocolInput,
    @Ctx() ctx: Context,
  ) {
    const r = await signVisitProtocol(ctx.db, requireViewer(ctx), { ...input, visitId: V(input.visitId) }, ctx.clock);
    return payload(r, "serviceVisit", visitOf(ctx));
  }

  @Authorized(...PROTOCOL_ACKNOWLEDGERS)
  @Mutation(() => AcknowledgeVisitProtocolPayload, {
    description: "A customer user acknowledges the protocol in the portal.",
  })
  async acknowledgeVisitProtocol(
    @Arg("input", () => VisitRefInput, { description: "The visit." }) input: VisitRefInput,
    @Ctx() ctx: Context,
  ) {
    const r = await acknowledgeVisitProtocol(ctx.db, requireViewer(ctx), { visitId: V(input.visitId) }, ctx.clock);
    return payload(r, "serviceVisit", visitOf(ctx));
  }

  @Authorized(...PROTOCOL_SENDERS)
  @Mutation(() => SendVisitProtocolPayload, {
    description:
      "E-mail the protocol PDF (with the visit as .ics) to the customer's admins and the partner, through the outbox.",
  })
  async sendVisitProtocol(
    @Arg("input", () => VisitRefInput, { description: "The visit." }) input: VisitRefInput,
    @Ctx() ctx: Context,
  ) {
    const r = await mail.sendVisitProtocol(ctx.db, requireViewer(ctx), { visitId: V(input.visitId) }, ctx.clock);
    return { ...payload(r, "serviceVisit", visitOf(ctx)), recipients: "ok" in r ? r.ok.recipients : [] };
  }

  @FieldResolver(() => Agreement, { description: "The agreement." })
  async agreement(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    return Agreement.from((await findAgreement(ctx.db, requireViewer(ctx), v.row.agreementId, ctx.clock))!);
  }

  @FieldResolver(() => Property, { description: "Where the visit is." })
  async property(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    return Property.from((await ctx.loaders.property.load(v.row.propertyId))!);
  }

  @FieldResolver(() => VisitActor, { description: "The technician." })
  async technician(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    return actorOf(ctx, v.row.technicianId);
  }

  @FieldResolver(() => ID, { description: "Global id of the technician (a vendor user), for rebooking." })
  technicianId(@Root() v: ServiceVisit) {
    return toGlobalId("User", v.row.technicianId);
  }

  @FieldResolver(() => VisitActor, { nullable: true, description: "Who completed it." })
  completedBy(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    return actorOf(ctx, v.row.completedById);
  }

  @FieldResolver(() => [VisitCheck], {
    description:
      "Every check of the protocol in order, recorded or not (the working copy until completion, then as last frozen).",
  })
  async checks(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    const l = ctx.loaders;
    const [kinds, rows] = await Promise.all([l.visitCheckKinds(), l.checksByVisit.load(v.row.id)]);
    return kinds.map((k) => VisitCheck.from(k, rows.find((r) => r.kind === k.code) ?? null));
  }

  @FieldResolver(() => [VisitCheckKindInfo], { description: "Checks not yet recorded; completion waits for them." })
  async missingChecks(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    const l = ctx.loaders;
    return missingKinds(await l.visitCheckKinds(), await l.checksByVisit.load(v.row.id)).map(VisitCheckKindInfo.from);
  }

  @FieldResolver(() => [VisitProductVersion], {
    description:
      "What the hardware check starts from: each program's installed version at the property against the latest release.",
  })
  async hardwarePrefill(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    return (await hardwarePrefill(ctx.db, v.row.propertyId)).map(VisitProductVersion.from);
  }

  @FieldResolver(() => DatabaseSizeTrend, {
    description:
      "The database size at this visit, the change since the last one, and the trend over all visits up to it.",
  })
  async databaseSize(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    const agreement = await findAgreement(ctx.db, requireViewer(ctx), v.row.agreementId, ctx.clock);
    return DatabaseSizeTrend.from((await protocolDocument(ctx.db, v.row, agreement!, ctx.now)).sizeTrend);
  }

  @FieldResolver(() => [VisitBooking], { description: "Every booking, oldest first: the first and each rescheduling." })
  async bookings(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    return (await service.bookingsOf(ctx.db, v.row.id)).map(VisitBooking.from);
  }

  @FieldResolver(() => [VisitProtocolVersion], { description: "The frozen protocol versions, newest first." })
  async protocolVersions(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    return (await protocolVersionsOf(ctx.db, v.row.id)).map(VisitProtocolVersion.from);
  }

  @FieldResolver(() => VisitAcknowledgement, {
    nullable: true,
    description: "The customer's acknowledgement in the portal.",
  })
  acknowledgement(@Root() v: ServiceVisit) {
    return v.row.acknowledgedAt && v.row.acknowledgedById
      ? Object.assign(new VisitAcknowledgement(), {
          byUuid: v.row.acknowledgedById,
          acknowledgedAt: v.row.acknowledgedAt,
        })
      : null;
  }

  @FieldResolver(() => [ActionItem], { description: "Action-plan items made from this visit's checks." })
  async actionItems(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    const rows = (await ctx.loaders.checksByVisit.load(v.row.id)).filter((c) => c.actionItemId);
    const items = await Promise.all(
      rows.map((c) => findActionItem(ctx.db, requireViewer(ctx), c.actionItemId!, ctx.clock)),
    );
    return items.filter((i) => i !== null).map(ActionItem.from);
  }

  @FieldResolver(() => VisitProtocolPdf, {
    nullable: true,
    description:
      "The protocol as a PDF (base64), for download; the same file the e-mail carries. Null with the error PROTOCOL_PDF_FAILED when it cannot be made in time (see correctVisitProtocol for a damaged signature).",
  })
  async protocolPdf(@Root() v: ServiceVisit, @Ctx() ctx: Context) {
    const agreement = (await findAgreement(ctx.db, requireViewer(ctx), v.row.agreementId, ctx.clock))!;
    // In the reader's language, as the mail's is: its words and the names of former users.
    const doc = await protocolDocument(ctx.db, v.row, agreement, ctx.now, await readerLanguage(ctx));
    try {
      const pdf = await renderProtocolPdf(doc);
      return Object.assign(new VisitProtocolPdf(), {
        filename: `supportbesok-protokoll-${agreement.number}-${doc.visitedOn}.pdf`,
        contentType: "application/pdf",
        base64: pdf.toString("base64"),
      });
    } catch (e) {
      if (!(e instanceof ProtocolPdfFailed)) throw e;
      ctx.log.warn({ err: e.cause, visitId: v.row.id }, "the protocol PDF could not be made");
      throw new GraphQLError(e.message, { extensions: { code: e.code } });
    }
  }
}
