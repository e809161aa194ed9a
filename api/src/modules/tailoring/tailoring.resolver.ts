import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Clock } from "../../shared/clock.js";
import type { Viewer } from "../../shared/viewer.js";
import { CurrentViewer } from "../../shared/auth.js";
import { holds } from "../../shared/viewer.js";
import { ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Agreement } from "../agreements/index.js";
import { Actor, actorOf, User } from "../parties/index.js";
import * as service from "./tailoring.service.js";
import { stepStatuses } from "./tailoring-steps.js";
import {
  PARTNER_PROGRESS_REPORTERS,
  PLAN_WRITERS,
  PRIORITY_CONFIRMERS,
  TAILORING_REQUESTERS,
  VENDOR_SIDE,
  partyOf,
} from "./tailoring.roles.js";
import {
  ActionPlan,
  SystemReview,
  Tailoring,
  TailoringConnection,
  TailoringEvent,
  TailoringStepStatus,
} from "./tailoring.types.js";
import { Party } from "./tailoring.enums.js";
import {
  RecordSystemReviewInput,
  RecordSystemReviewPayload,
  ReopenTailoringStepInput,
  ReopenTailoringStepPayload,
  RequestTailoringInput,
  RequestTailoringPayload,
  TailoringFilter,
} from "./tailoring.inputs.js";
import { userOf } from "./visible-user.js";

@Resolver(() => Tailoring)
export class TailoringResolver {
  @Authorized()
  @Query(() => TailoringConnection, {
    description:
      "Tailorings of the agreements the caller may see, oldest first. A seller's worklist: `filter: { waitingOn: VENDOR }`.",
  })
  async tailorings(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => TailoringFilter, { nullable: true, description: "Narrow the list." })
    filter: TailoringFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const c = await service.listTailorings(ctx.db, viewer, { step: filter?.step, waitingOn: filter?.waitingOn }, page);
    return mapNodes(c, Tailoring.from);
  }

  @Authorized(...TAILORING_REQUESTERS)
  @Mutation(() => RequestTailoringPayload, {
    description: "Step 1: ask the seller for a review (customer admin), or start it (seller). The seller is e-mailed.",
  })
  async requestTailoring(
    @Arg("input", () => RequestTailoringInput, { description: "Agreement and message." }) input: RequestTailoringInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await service.requestTailoring(
      ctx.db,
      viewer,
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement") },
      clock,
    );
    return payload(r, "tailoring", Tailoring.from);
  }

  @Authorized(...VENDOR_SIDE)
  @Mutation(() => RecordSystemReviewPayload, {
    description: "Step 2: record the system review; STEP_OUT_OF_ORDER unless the tailoring is at REVIEW.",
  })
  async recordSystemReview(
    @Arg("input", () => RecordSystemReviewInput, { description: "The review." }) input: RecordSystemReviewInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await service.recordSystemReview(
      ctx.db,
      viewer,
      { ...input, tailoringId: uuidOf(input.tailoringId, "Tailoring") },
      clock,
    );
    return payload(r, "tailoring", Tailoring.from);
  }

  @Authorized(...VENDOR_SIDE)
  @Mutation(() => ReopenTailoringStepPayload, {
    description: "Reopen a finished step with a reason; later steps are to be done again, and history is kept.",
  })
  async reopenTailoringStep(
    @Arg("input", () => ReopenTailoringStepInput, { description: "Tailoring, step, reason." })
    input: ReopenTailoringStepInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await service.reopenTailoringStep(
      ctx.db,
      viewer,
      { ...input, tailoringId: uuidOf(input.tailoringId, "Tailoring") },
      clock,
    );
    return payload(r, "tailoring", Tailoring.from);
  }

  @FieldResolver(() => Agreement, { description: "The agreement being tailored." })
  async agreement(@Root() t: Tailoring, @Ctx() ctx: Context) {
    return Agreement.from((await ctx.loaders.agreement.load(t.row.agreementId))!);
  }

  @FieldResolver(() => [TailoringEvent], { description: "Every step event, oldest first: who, when, what, and why." })
  async history(@Root() t: Tailoring, @Ctx() ctx: Context) {
    return (await ctx.loaders.tailoringHistory.load(t.row.id)).map(TailoringEvent.from);
  }

  @FieldResolver(() => [TailoringStepStatus], {
    description: "The five steps with their state and who finished each last, and when.",
  })
  async steps(@Root() t: Tailoring, @Ctx() ctx: Context) {
    return stepStatuses(t.row, await ctx.loaders.tailoringHistory.load(t.row.id)).map(TailoringStepStatus.from);
  }

  @FieldResolver(() => SystemReview, { nullable: true, description: "The latest system review (step 2)." })
  async systemReview(@Root() t: Tailoring, @Ctx() ctx: Context) {
    const r = await ctx.loaders.latestReview.load(t.row.id);
    return r && SystemReview.from(r);
  }

  @FieldResolver(() => ActionPlan, { nullable: true, description: "The action plan, from step 3 on." })
  async actionPlan(@Root() t: Tailoring, @Ctx() ctx: Context) {
    const p = await ctx.loaders.actionPlanOf.load(t.row.id);
    return p && ActionPlan.from(p);
  }

  @FieldResolver(() => [Party], { description: "Who the tailoring is waiting on now." })
  async waitingOn(@Root() t: Tailoring, @Ctx() ctx: Context) {
    return service.waitingOn(t.row, await ctx.loaders.actionPlanOf.load(t.row.id));
  }

  @FieldResolver(() => Party, {
    nullable: true,
    description:
      "The side the caller speaks for when agreeing the end date (VENDOR for sellers and admins, CUSTOMER for customer admins); null when the caller only reads.",
  })
  viewerParty(@CurrentViewer() viewer: Viewer) {
    return partyOf(viewer);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller may record the system review and reopen finished steps (the vendor's side).",
  })
  viewerCanReview(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, VENDOR_SIDE);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may write the action plan: add, change, remove and order items, and agree the end date.",
  })
  viewerCanEditPlan(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, PLAN_WRITERS);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may report progress (status) on the items whose owner is PARTNER: the staff of the partner that signed the agreement.",
  })
  viewerCanUpdatePartnerItems(@CurrentViewer() viewer: Viewer) {
    // Only the signing partner sees this tailoring at all (agreement scope), so the role decides.
    return holds(viewer, PARTNER_PROGRESS_REPORTERS);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller may confirm the order of the plan for the customer (step 4).",
  })
  viewerCanConfirmPriorities(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, PRIORITY_CONFIRMERS);
  }
}

@Resolver(() => TailoringEvent)
export class TailoringEventResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who did it. The full user only where `node(id)` of that user answers too; otherwise null: use `actorSummary`.",
  })
  actor(@Root() e: TailoringEvent, @Ctx() ctx: Context) {
    return userOf(ctx, e.actorUuid);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "Who did it. Name and organisation name, for anyone who may see this.",
  })
  actorSummary(@Root() e: TailoringEvent, @Ctx() ctx: Context) {
    return actorOf(ctx, e.actorUuid);
  }
}

@Resolver(() => TailoringStepStatus)
export class TailoringStepStatusResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who finished the step last. The full user only where `node(id)` of that user answers too; otherwise null: use `doneBySummary`.",
  })
  doneBy(@Root() s: TailoringStepStatus, @Ctx() ctx: Context) {
    return userOf(ctx, s.doneByUuid);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "Who finished the step last. Name and organisation name, for anyone who may see this.",
  })
  doneBySummary(@Root() s: TailoringStepStatus, @Ctx() ctx: Context) {
    return actorOf(ctx, s.doneByUuid);
  }
}

@Resolver(() => SystemReview)
export class SystemReviewResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who recorded it. The full user only where `node(id)` of that user answers too; otherwise null: use `recordedBySummary`.",
  })
  recordedBy(@Root() r: SystemReview, @Ctx() ctx: Context) {
    return userOf(ctx, r.recordedByUuid);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "Who recorded it. Name and organisation name, for anyone who may see this.",
  })
  recordedBySummary(@Root() r: SystemReview, @Ctx() ctx: Context) {
    return actorOf(ctx, r.recordedByUuid);
  }
}

@Resolver(() => Agreement)
export class AgreementTailoringResolver {
  @FieldResolver(() => Tailoring, { nullable: true, description: "The five-step tailoring, once started." })
  async tailoring(@Root() a: Agreement, @Ctx() ctx: Context) {
    const t = await ctx.loaders.tailoringOfAgreement.load(a.record.id);
    return t && Tailoring.from(t);
  }

  @FieldResolver(() => ActionPlan, { nullable: true, description: "The action plan, from step 3 on." })
  async actionPlan(@Root() a: Agreement, @Ctx() ctx: Context) {
    const t = await ctx.loaders.tailoringOfAgreement.load(a.record.id);
    const p = t && (await ctx.loaders.actionPlanOf.load(t.id));
    return p ? ActionPlan.from(p) : null;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller may ask for (or start) a tailoring of this agreement (step 1).",
  })
  viewerCanRequestTailoring(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, TAILORING_REQUESTERS);
  }
}
