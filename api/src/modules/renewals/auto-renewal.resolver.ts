import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { Agreement, isValid } from "../agreements/index.js";
import { Actor, actorOf } from "../parties/index.js";
import { autoRenewalOf, refuseAutoRenewal, setAutoRenewal } from "./auto-renewal.js";
import { mayStillRefuse } from "./auto-renewal-terms.js";
import { refusingSide, sideOf, withdrawAutoRenewalRefusal } from "./auto-renewal-withdrawal.js";
import {
  AutoRenewal,
  RefuseAutoRenewalInput,
  RefuseAutoRenewalPayload,
  SetAutoRenewalInput,
  SetAutoRenewalPayload,
  WithdrawAutoRenewalRefusalInput,
  WithdrawAutoRenewalRefusalPayload,
} from "./auto-renewal.types.js";
import { AUTO_RENEWAL_REFUSERS, AUTO_RENEWAL_SETTERS } from "./renewals.roles.js";

/** Automatic renewal on the agreement page: the setting, the "no", and who may do which; rules in auto-renewal.ts. */
@Resolver(() => AutoRenewal)
export class AutoRenewalResolver {
  @FieldResolver(() => Actor, { nullable: true, description: "Who said no; null if no one has." })
  refusedBy(@Root() r: AutoRenewal, @Ctx() ctx: Context) {
    return actorOf(ctx, r.refusedById);
  }

  @FieldResolver(() => Boolean, { description: "Whether you may say no now: it is set, not refused, not too late." })
  viewerCanRefuse(@Root() r: AutoRenewal, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    return holds(viewer, AUTO_RENEWAL_REFUSERS) && !r.refusedAt && clock.today <= r.lastDayToRefuse;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether you may take the "no" back now: your side said it, and the notice period is still open.',
  })
  async viewerCanWithdrawRefusal(
    @Root() r: AutoRenewal,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    if (!r.refusedById || !holds(viewer, AUTO_RENEWAL_REFUSERS) || clock.today > r.lastDayToRefuse) return false;
    return (await refusingSide(ctx.db, r.refusedById)) === sideOf(viewer.organisationKind);
  }

  @Authorized(...AUTO_RENEWAL_REFUSERS)
  @Mutation(() => WithdrawAutoRenewalRefusalPayload, {
    description:
      "The side that said no takes it back while the notice is open: it renews on its own again; the other side is mailed. AUTO_RENEWAL_NOT_REFUSED, AUTO_RENEWAL_REFUSED_BY_OTHER_SIDE, AUTO_RENEWAL_NOTICE_CLOSED.",
  })
  async withdrawAutoRenewalRefusal(
    @Arg("input", () => WithdrawAutoRenewalRefusalInput, { description: "The agreement." })
    input: WithdrawAutoRenewalRefusalInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const agreementId = uuidOf(input.agreementId, "Agreement");
    const result = await withdrawAutoRenewalRefusal(ctx.db, viewer, { agreementId }, clock, ctx.app.portalUrl);
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized(...AUTO_RENEWAL_SETTERS)
  @Mutation(() => SetAutoRenewalPayload, {
    description: "Sellers and admins: the agreement renews on its own when its notice closes, or (null) no longer.",
  })
  async setAutoRenewal(
    @Arg("input", () => SetAutoRenewalInput, { description: "The agreement and the notice." })
    input: SetAutoRenewalInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const agreementId = uuidOf(input.agreementId, "Agreement");
    const result = await setAutoRenewal(ctx.db, viewer, { agreementId, noticeMonths: input.noticeMonths }, clock);
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized(...AUTO_RENEWAL_REFUSERS)
  @Mutation(() => RefuseAutoRenewalPayload, {
    description:
      'The customer\'s admin or the vendor says no ("säg upp") before the notice closes; AUTO_RENEWAL_NOTICE_CLOSED after.',
  })
  async refuseAutoRenewal(
    @Arg("input", () => RefuseAutoRenewalInput, { description: "The agreement and why." })
    input: RefuseAutoRenewalInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const agreementId = uuidOf(input.agreementId, "Agreement");
    const result = await refuseAutoRenewal(
      ctx.db,
      viewer,
      { agreementId, reason: input.reason },
      clock,
      ctx.app.portalUrl,
    );
    return payload(result, "agreement", Agreement.from);
  }
}

@Resolver(() => Agreement)
export class AgreementAutoRenewalResolver {
  @FieldResolver(() => AutoRenewal, { nullable: true, description: "Its automatic renewal; null when it has none." })
  async autoRenewal(@Root() a: Agreement, @Ctx() ctx: Context) {
    const found = await autoRenewalOf(ctx.db, a.record);
    return found && AutoRenewal.from(found);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether you may turn automatic renewal on, change its notice or turn it off.",
  })
  viewerCanSetAutoRenewal(@Root() a: Agreement, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    return (
      holds(viewer, AUTO_RENEWAL_SETTERS) &&
      isValid(a.record.status) &&
      !a.record.terminatedOn &&
      mayStillRefuse(clock.today, a.record.endsOn, 1)
    );
  }
}
