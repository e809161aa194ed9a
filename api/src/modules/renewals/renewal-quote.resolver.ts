import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { Agreement, findAgreement, isRenewable } from "../agreements/index.js";
import { Actor, actorOf } from "../parties/index.js";
import { requestRenewal } from "./renewal-quote.js";
import { confirmRenewalQuote, declineRenewalQuote } from "./renewal-quote-decision.js";
import { latestQuote, openQuotes } from "./renewal-quote-reads.js";
import {
  ConfirmRenewalQuoteInput,
  ConfirmRenewalQuotePayload,
  DeclineRenewalQuoteInput,
  DeclineRenewalQuotePayload,
  RenewalDecision,
  RenewalQuote,
  RequestRenewalInput,
  RequestRenewalPayload,
} from "./renewal-quote.types.js";
import { RENEWAL_DECIDERS, RENEWAL_REQUESTERS } from "./renewals.roles.js";

const ids = (list: string[], type: "LicenceRental" | "AddOn") => list.map((id) => uuidOf(id, type));

/** The customer's "Förnya avtalet" and the seller's answer; the rules are in renewal-quote*.ts. */
@Resolver(() => RenewalQuote)
export class RenewalQuoteResolver {
  @Authorized(...RENEWAL_DECIDERS)
  @Query(() => [RenewalQuote], { description: "Renewal quotes waiting for a seller's answer, oldest first." })
  async renewalQuotesToDecide(@Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await openQuotes(ctx.db, viewer)).map(RenewalQuote.from);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement it renews." })
  async agreement(
    @Root() q: RenewalQuote,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const a = await findAgreement(ctx.db, viewer, q.row.agreementId, clock);
    return a && Agreement.from(a);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "The customer's admin who asked." })
  requestedBy(@Root() q: RenewalQuote, @Ctx() ctx: Context) {
    return actorOf(ctx, q.row.requestedById);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who confirmed or declined it." })
  decidedBy(@Root() q: RenewalQuote, @Ctx() ctx: Context) {
    return actorOf(ctx, q.row.decidedById);
  }

  @FieldResolver(() => Boolean, { description: "Whether you may confirm or decline it now." })
  viewerCanDecide(@Root() q: RenewalQuote, @CurrentViewer() viewer: Viewer) {
    return q.state === "REQUESTED" && holds(viewer, RENEWAL_DECIDERS);
  }

  @Authorized(...RENEWAL_REQUESTERS)
  @Mutation(() => RequestRenewalPayload, {
    description: "Customer admins: ask for the agreement's renewal; the seller gets a quote priced from the list.",
  })
  async requestRenewal(
    @Arg("input", () => RequestRenewalInput, { description: "What to carry." }) input: RequestRenewalInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await requestRenewal(
      ctx.db,
      viewer,
      {
        agreementId: uuidOf(input.agreementId, "Agreement"),
        rentalIds: ids(input.rentalIds, "LicenceRental"),
        addOnIds: ids(input.addOnIds, "AddOn"),
      },
      clock,
      ctx.app.portalUrl,
    );
    return payload(result, "quote", RenewalQuote.from);
  }

  @Authorized(...RENEWAL_DECIDERS)
  @Mutation(() => ConfirmRenewalQuotePayload, {
    description: "Confirm a renewal quote: the agreement is renewed as quoted, once, however many confirm.",
  })
  async confirmRenewalQuote(
    @Arg("input", () => ConfirmRenewalQuoteInput, { description: "The quote to confirm." })
    input: ConfirmRenewalQuoteInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const quoteId = uuidOf(input.quoteId, "RenewalQuote");
    const result = await confirmRenewalQuote(ctx.db, viewer, { quoteId }, clock, ctx.app.portalUrl);
    return payload(result, "decision", RenewalDecision.from);
  }

  @Authorized(...RENEWAL_DECIDERS)
  @Mutation(() => DeclineRenewalQuotePayload, { description: "Decline a renewal quote with a reason." })
  async declineRenewalQuote(
    @Arg("input", () => DeclineRenewalQuoteInput, { description: "The quote and the reason." })
    input: DeclineRenewalQuoteInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const quoteId = uuidOf(input.quoteId, "RenewalQuote");
    const result = await declineRenewalQuote(ctx.db, viewer, { ...input, quoteId }, clock, ctx.app.portalUrl);
    return payload(result, "decision", RenewalDecision.from);
  }
}

/** An agreement's renewal as its page shows it. */
@Resolver(() => Agreement)
export class AgreementRenewalQuoteResolver {
  @FieldResolver(() => RenewalQuote, {
    nullable: true,
    description: "The newest renewal quote: waiting for the seller, or the last answer.",
  })
  async renewalQuote(@Root() a: Agreement, @Ctx() ctx: Context) {
    const q = await latestQuote(ctx.db, a.record.id);
    return q && RenewalQuote.from(q);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may ask for its renewal ("Förnya avtalet") now.' })
  async viewerCanRequestRenewal(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    if (!holds(viewer, RENEWAL_REQUESTERS) || !isRenewable(a.record.status)) return false;
    return (await latestQuote(ctx.db, a.record.id))?.state !== "REQUESTED";
  }
}
