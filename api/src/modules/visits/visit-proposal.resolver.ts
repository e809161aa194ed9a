import { DateTimeResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { userError } from "../../shared/errors.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Agreement, findAgreement } from "../agreements/index.js";
import { Property } from "../parties/index.js";
import { cancelServiceVisit } from "./visit-cancellation.js";
import { visitLocation } from "./visit-location.js";
import { proposeNewVisitTimes } from "./visit-new-times.js";
import * as proposals from "./visit-proposal.service.js";
import {
  AnswerVisitTimesInput,
  AnswerVisitTimesPayload,
  CancelServiceVisitInput,
  CancelServiceVisitPayload,
  ProposeNewVisitTimesInput,
  ProposeNewVisitTimesPayload,
  ProposeVisitTimesInput,
  ProposeVisitTimesPayload,
  VisitTimeProposal,
  VisitTimeProposalByLinkPayload,
} from "./visit-proposal.types.js";
import { actorOf } from "./visit.resolver.js";
import { VISIT_BOOKERS } from "./visit.roles.js";
import { findVisit } from "./visit.service.js";
import { ServiceVisit, VisitActor } from "./visit.types.js";

const settingsOf = (ctx: Context) => ({ now: ctx.now, portalUrl: ctx.app.portalUrl });

/** Booking by proposed times (docs/decisions/0066-visit-times-proposed-and-answered-by-link.md), cancelling by hand. */
@Resolver(() => VisitTimeProposal)
export class VisitTimeProposalResolver {
  @Authorized()
  @Query(() => [VisitTimeProposal], {
    description: "Proposals of visit times on the agreements the caller may see, newest first (at most 200).",
  })
  async visitTimeProposals(
    @Arg("open", () => Boolean, { nullable: true, description: "Only those waiting for an answer." })
    open: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return (await proposals.listVisitProposals(ctx.db, requireViewer(ctx), { open })).map(VisitTimeProposal.from);
  }

  @Query(() => VisitTimeProposalByLinkPayload, {
    description: "What a mailed answer link opens (no log-in needed: the token is the key), or why it does not work.",
  })
  async visitTimesByLink(
    @Arg("token", () => String, { description: "The token from the mail's link." }) token: string,
    @Ctx() ctx: Context,
  ) {
    const r = await proposals.visitTimesByLink(ctx.db, token.slice(0, 200), ctx.clock, ctx.now);
    if ("errors" in r) return { visitTimeProposal: null, agreementNumber: null, location: null, userErrors: r.errors };
    return {
      visitTimeProposal: VisitTimeProposal.from(r.ok.proposal),
      agreementNumber: r.ok.agreement.number,
      location: await visitLocation(ctx.db, r.ok.proposal.propertyId),
      userErrors: [],
    };
  }

  @Authorized(...VISIT_BOOKERS)
  @Mutation(() => ProposeVisitTimesPayload, {
    description:
      "Propose one to three times for the annual visit; each customer admin gets a mail with a single-use link to answer. INVALID_TIMES, TIME_IN_PAST, and the booking's own codes (VISIT_NOT_IN_TIER, OUTSIDE_AGREEMENT_PERIOD, …).",
  })
  async proposeVisitTimes(
    @Arg("input", () => ProposeVisitTimesInput, { description: "Agreement, property, technician, times." })
    input: ProposeVisitTimesInput,
    @Ctx() ctx: Context,
  ) {
    const r = await proposals.proposeVisitTimes(
      ctx.db,
      requireViewer(ctx),
      {
        agreementId: uuidOf(input.agreementId, "Agreement"),
        propertyId: uuidOf(input.propertyId, "Property"),
        technicianId: uuidOf(input.technicianId, "User"),
        times: input.times,
        note: input.note,
      },
      ctx.clock,
      settingsOf(ctx),
    );
    return payload(r, "visitTimeProposal", VisitTimeProposal.from);
  }

  @Authorized(...VISIT_BOOKERS)
  @Mutation(() => ProposeNewVisitTimesPayload, {
    description:
      "Föreslå nya tider: offer one to three new times for a booked visit; each customer admin gets a mail with a single-use link, answered as a first proposal (`answerVisitTimes`). The booking stands until a time is accepted, which moves the visit with an .ics update of the same event. NOT_FOUND, VISIT_COMPLETED, VISIT_CANCELLED, STALE_VERSION, INVALID_TIMES, TIME_IN_PAST, and the move's own codes (OUTSIDE_AGREEMENT_PERIOD, …).",
  })
  async proposeNewVisitTimes(
    @Arg("input", () => ProposeNewVisitTimesInput, { description: "The visit and the new times." })
    input: ProposeNewVisitTimesInput,
    @Ctx() ctx: Context,
  ) {
    const r = await proposeNewVisitTimes(
      ctx.db,
      requireViewer(ctx),
      { ...input, visitId: uuidOf(input.visitId, "ServiceVisit") },
      ctx.clock,
      settingsOf(ctx),
    );
    return payload(r, "visitTimeProposal", VisitTimeProposal.from);
  }

  @Mutation(() => AnswerVisitTimesPayload, {
    description:
      "The customer's admin accepts one proposed time (booking the visit, with a mail and calendar invitation) or asks for other times; logged in with `proposalId`, or from the mail with `token`.",
  })
  async answerVisitTimes(
    @Arg("input", () => AnswerVisitTimesInput, { description: "Which proposal and the answer." })
    input: AnswerVisitTimesInput,
    @Ctx() ctx: Context,
  ) {
    const answer = input.time
      ? { accept: input.time }
      : input.otherTimes != null
        ? { otherTimes: input.otherTimes }
        : null;
    const who = input.token
      ? { token: input.token }
      : input.proposalId
        ? { viewer: requireViewer(ctx), proposalId: uuidOf(input.proposalId, "VisitTimeProposal") }
        : null;
    const r =
      !answer || !who || (input.time && input.otherTimes != null)
        ? userError("INVALID_INPUT", "Give the proposal (or the link's token) and either a time or otherTimes.", [
            "input",
          ])
        : await proposals.answerVisitTimes(ctx.db, who, answer, ctx.clock, ctx.now);
    if ("errors" in r) return { visitTimeProposal: null, serviceVisit: null, userErrors: r.errors };
    return {
      visitTimeProposal: VisitTimeProposal.from(r.ok.proposal),
      serviceVisit: r.ok.visit && ServiceVisit.from(r.ok.visit, ctx.now),
      userErrors: [],
    };
  }

  @Authorized(...VISIT_BOOKERS)
  @Mutation(() => CancelServiceVisitPayload, {
    description:
      "Call off a booked visit with a reason: the customer's admins and the technician get a mail whose .ics (METHOD:CANCEL, same UID, higher SEQUENCE) removes it from their calendars. VISIT_COMPLETED, VISIT_CANCELLED, STALE_VERSION.",
  })
  async cancelServiceVisit(
    @Arg("input", () => CancelServiceVisitInput, { description: "Visit and reason." }) input: CancelServiceVisitInput,
    @Ctx() ctx: Context,
  ) {
    const r = await cancelServiceVisit(
      ctx.db,
      requireViewer(ctx),
      { ...input, visitId: uuidOf(input.visitId, "ServiceVisit") },
      ctx.clock,
      ctx.now,
    );
    return payload(r, "serviceVisit", (row) => ServiceVisit.from(row, ctx.now));
  }

  @FieldResolver(() => Agreement, { description: "The agreement." })
  async agreement(@Root() p: VisitTimeProposal, @Ctx() ctx: Context) {
    return Agreement.from((await findAgreement(ctx.db, requireViewer(ctx), p.row.agreementId, ctx.clock))!);
  }

  @FieldResolver(() => Property, { description: "Where the visit would be." })
  async property(@Root() p: VisitTimeProposal, @Ctx() ctx: Context) {
    return Property.from((await ctx.loaders.property.load(p.row.propertyId))!);
  }

  @FieldResolver(() => VisitActor, { description: "The technician who would come." })
  async technician(@Root() p: VisitTimeProposal, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.technicianId);
  }

  @FieldResolver(() => DateTimeResolver, {
    nullable: true,
    description:
      "For new times of a booked visit: when that visit is booked now (the time that stands until a time is accepted). Null for a first proposal.",
  })
  async bookedAt(@Root() p: VisitTimeProposal, @Ctx() ctx: Context) {
    if (!p.row.movesVisitId) return null;
    return (await ctx.loaders.visitOfProposal.load(p.row.movesVisitId))?.scheduledAt ?? null;
  }

  @FieldResolver(() => ServiceVisit, {
    nullable: true,
    description: "The booked visit these new times would move; null for a first proposal, which books a new visit.",
  })
  async movesVisit(@Root() p: VisitTimeProposal, @Ctx() ctx: Context) {
    if (!p.row.movesVisitId) return null;
    const found = await findVisit(ctx.db, requireViewer(ctx), p.row.movesVisitId, ctx.clock);
    return found ? ServiceVisit.from(found.visit, ctx.now) : null;
  }

  @FieldResolver(() => ServiceVisit, {
    nullable: true,
    description: "The visit booked (or moved) by accepting a time.",
  })
  async visit(@Root() p: VisitTimeProposal, @Ctx() ctx: Context) {
    if (!p.row.visitId) return null;
    const found = await findVisit(ctx.db, requireViewer(ctx), p.row.visitId, ctx.clock);
    return found ? ServiceVisit.from(found.visit, ctx.now) : null;
  }
}
