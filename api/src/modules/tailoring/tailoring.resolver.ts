import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Clock } from "../../shared/clock.js";
import type { Viewer } from "../../shared/viewer.js";
import { CurrentViewer } from "../../shared/auth.js";
import { holds } from "../../shared/viewer.js";
import { ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import { Agreement } from "../agreements/index.js";
import { Actor, actorOf, User } from "../parties/index.js";
import * as actionPlans from "./action-plan.js";
import * as service from "./tailoring.service.js";
import { stepStatuses } from "./tailoring-steps.js";
import { ACTION_ITEM_UPDATERS, PARTNER_PROGRESS_REPORTERS, PLAN_WRITERS, PRIORITY_CONFIRMERS, TAILORING_REQUESTERS, VENDOR_SIDE, partyOf } from "./tailoring.roles.js";
import { ActionItem, ActionPlan, SystemReview, Tailoring, TailoringConnection, TailoringEvent, TailoringStepStatus } from "./tailoring.types.js";
import { Party } from "./tailoring.enums.js";
import { AddActionItemInput, AddActionItemPayload, AgreeEndDateInput, AgreeEndDatePayload, ConfirmPrioritiesInput, ConfirmPrioritiesPayload, PrioritiseActionPlanInput, PrioritiseActionPlanPayload, RecordSystemReviewInput, RecordSystemReviewPayload, RemoveActionItemInput, RemoveActionItemPayload, ReopenTailoringStepInput, ReopenTailoringStepPayload, RequestTailoringInput, RequestTailoringPayload, TailoringFilter, UpdateActionItemInput, UpdateActionItemPayload } from "./tailoring.inputs.js";

/** The full user only where `node(id)` would answer it too (shared/scope.ts); else null. */
async function userOf(ctx: Context, id: string | null) {
  const row = id ? await ctx.loaders.visibleUser.load(id) : null;
  return row && User.from(row);
}

@Resolver(() => Tailoring)
export class TailoringResolver {
  @Authorized()
  @Query(() => TailoringConnection, { description: "Tailorings of the agreements the caller may see, oldest first. A seller's worklist: `filter: { waitingOn: VENDOR }`." })
  async tailorings(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => TailoringFilter, { nullable: true, description: "Narrow the list." }) filter: TailoringFilter | null,
    @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer,
  ) {
    const c = await service.listTailorings(ctx.db, viewer, { step: filter?.step, waitingOn: filter?.waitingOn }, page);
    return mapNodes(c, Tailoring.from);
  }

  @Authorized(...TAILORING_REQUESTERS)
  @Mutation(() => RequestTailoringPayload, { description: "Step 1: ask the seller for a review (customer admin), or start it (seller). The seller is e-mailed." })
  async requestTailoring(@Arg("input", () => RequestTailoringInput, { description: "Agreement and message." }) input: RequestTailoringInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await service.requestTailoring(ctx.db, viewer, { ...input, agreementId: uuidOf(input.agreementId, "Agreement") }, clock);
    return payload(r, "tailoring", Tailoring.from);
  }

  @Authorized(...VENDOR_SIDE)
  @Mutation(() => RecordSystemReviewPayload, { description: "Step 2: record the system review; STEP_OUT_OF_ORDER unless the tailoring is at REVIEW." })
  async recordSystemReview(@Arg("input", () => RecordSystemReviewInput, { description: "The review." }) input: RecordSystemReviewInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await service.recordSystemReview(ctx.db, viewer, { ...input, tailoringId: uuidOf(input.tailoringId, "Tailoring") }, clock);
    return payload(r, "tailoring", Tailoring.from);
  }

  @Authorized(...VENDOR_SIDE)
  @Mutation(() => ReopenTailoringStepPayload, { description: "Reopen a finished step with a reason; later steps are to be done again, and history is kept." })
  async reopenTailoringStep(@Arg("input", () => ReopenTailoringStepInput, { description: "Tailoring, step, reason." }) input: ReopenTailoringStepInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await service.reopenTailoringStep(ctx.db, viewer, { ...input, tailoringId: uuidOf(input.tailoringId, "Tailoring") }, clock);
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

  @FieldResolver(() => [TailoringStepStatus], { description: "The five steps with their state and who finished each last, and when." })
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

  @FieldResolver(() => Party, { nullable: true, description: "The side the caller speaks for when agreeing the end date (VENDOR for sellers and admins, CUSTOMER for customer admins); null when the caller only reads." })
  viewerParty(@CurrentViewer() viewer: Viewer) {
    return partyOf(viewer);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller may record the system review and reopen finished steps (the vendor's side)." })
  viewerCanReview(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, VENDOR_SIDE);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller may write the action plan: add, change, remove and order items, and agree the end date." })
  viewerCanEditPlan(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, PLAN_WRITERS);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller may report progress (status) on the items whose owner is PARTNER: the staff of the partner that signed the agreement." })
  viewerCanUpdatePartnerItems(@CurrentViewer() viewer: Viewer) {
    // Only the signing partner sees this tailoring at all (agreement scope), so the role decides.
    return holds(viewer, PARTNER_PROGRESS_REPORTERS);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller may confirm the order of the plan for the customer (step 4)." })
  viewerCanConfirmPriorities(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, PRIORITY_CONFIRMERS);
  }
}

@Resolver(() => TailoringEvent)
export class TailoringEventResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who did it. The full user only where `node(id)` of that user answers too; otherwise null: use `actorSummary`." })
  actor(@Root() e: TailoringEvent, @Ctx() ctx: Context) {
    return userOf(ctx, e.actorUuid);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who did it. Name and organisation name, for anyone who may see this." })
  actorSummary(@Root() e: TailoringEvent, @Ctx() ctx: Context) {
    return actorOf(ctx, e.actorUuid);
  }
}

@Resolver(() => TailoringStepStatus)
export class TailoringStepStatusResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who finished the step last. The full user only where `node(id)` of that user answers too; otherwise null: use `doneBySummary`." })
  doneBy(@Root() s: TailoringStepStatus, @Ctx() ctx: Context) {
    return userOf(ctx, s.doneByUuid);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who finished the step last. Name and organisation name, for anyone who may see this." })
  doneBySummary(@Root() s: TailoringStepStatus, @Ctx() ctx: Context) {
    return actorOf(ctx, s.doneByUuid);
  }
}

@Resolver(() => SystemReview)
export class SystemReviewResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who recorded it. The full user only where `node(id)` of that user answers too; otherwise null: use `recordedBySummary`." })
  recordedBy(@Root() r: SystemReview, @Ctx() ctx: Context) {
    return userOf(ctx, r.recordedByUuid);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who recorded it. Name and organisation name, for anyone who may see this." })
  recordedBySummary(@Root() r: SystemReview, @Ctx() ctx: Context) {
    return actorOf(ctx, r.recordedByUuid);
  }
}

@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  @Authorized(...PLAN_WRITERS)
  @Mutation(() => AddActionItemPayload, { description: "Step 3: add an action item; STEP_OUT_OF_ORDER unless the plan is being written." })
  async addActionItem(@Arg("input", () => AddActionItemInput, { description: "The item." }) input: AddActionItemInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await actionPlans.addActionItem(
      ctx.db,
      viewer,
      { ...input, actionPlanId: uuidOf(input.actionPlanId, "ActionPlan"), estimateMinor: input.estimateCost?.amountMinor ?? null },
      clock,
    );
    return payload(r, "actionItem", ActionItem.from);
  }

  @Authorized(...ACTION_ITEM_UPDATERS)
  @Mutation(() => UpdateActionItemPayload, { description: "Change an action item. Content only while the plan is written; status (progress) at any time after, also when DONE. Partner staff change only the status of items their organisation owns (NOT_ITEM_OWNER otherwise)." })
  async updateActionItem(@Arg("input", () => UpdateActionItemInput, { description: "What to change." }) input: UpdateActionItemInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await actionPlans.updateActionItem(
      ctx.db,
      viewer,
      { ...input, actionItemId: uuidOf(input.actionItemId, "ActionItem"), estimateMinor: input.estimateCost?.amountMinor ?? null },
      clock,
    );
    return payload(r, "actionItem", ActionItem.from);
  }

  @Authorized(...PLAN_WRITERS)
  @Mutation(() => RemoveActionItemPayload, { description: "Step 3: remove an action item." })
  async removeActionItem(@Arg("input", () => RemoveActionItemInput, { description: "Which item." }) input: RemoveActionItemInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await actionPlans.removeActionItem(ctx.db, viewer, { actionItemId: uuidOf(input.actionItemId, "ActionItem") }, clock);
    return payload(r, "actionItem", ActionItem.from);
  }

  @Authorized(...PLAN_WRITERS)
  @Mutation(() => PrioritiseActionPlanPayload, { description: "Step 4: set the order of all items. Two people reordering at once: the second gets STALE_VERSION; the order is never mixed." })
  async prioritiseActionPlan(@Arg("input", () => PrioritiseActionPlanInput, { description: "Plan, order, version." }) input: PrioritiseActionPlanInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await actionPlans.prioritiseActionPlan(
      ctx.db,
      viewer,
      { ...input, actionPlanId: uuidOf(input.actionPlanId, "ActionPlan"), itemIds: input.itemIds.map((i) => uuidOf(i, "ActionItem")) },
      clock,
    );
    return payload(r, "actionPlan", ActionPlan.from);
  }

  @Authorized(...PRIORITY_CONFIRMERS)
  @Mutation(() => ConfirmPrioritiesPayload, { description: "Step 4: the customer admin confirms the order; the seller sees who confirmed when." })
  async confirmPriorities(@Arg("input", () => ConfirmPrioritiesInput, { description: "Plan and version." }) input: ConfirmPrioritiesInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await actionPlans.confirmPriorities(ctx.db, viewer, { ...input, actionPlanId: uuidOf(input.actionPlanId, "ActionPlan") }, clock);
    return payload(r, "actionPlan", ActionPlan.from);
  }

  @Authorized(...PLAN_WRITERS)
  @Mutation(() => AgreeEndDatePayload, { description: "Step 5: propose or agree the end date; when both parties have agreed the same date the tailoring is DONE." })
  async agreeEndDate(@Arg("input", () => AgreeEndDateInput, { description: "Plan and date." }) input: AgreeEndDateInput, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const r = await actionPlans.agreeEndDate(ctx.db, viewer, { ...input, actionPlanId: uuidOf(input.actionPlanId, "ActionPlan") }, clock);
    return payload(r, "actionPlan", ActionPlan.from);
  }

  @FieldResolver(() => [ActionItem], { description: "The items in their agreed order." })
  async items(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return (await ctx.loaders.actionItems.load(p.row.id)).map(ActionItem.from);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who set the order last. The full user only where `node(id)` of that user answers too; otherwise null: use `prioritisedBySummary`." })
  prioritisedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.prioritisedById);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who set the order last. Name and organisation name, for anyone who may see this." })
  prioritisedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.prioritisedById);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who confirmed the order (the customer admin). The full user only where `node(id)` of that user answers too; otherwise null: use `prioritiesConfirmedBySummary`." })
  prioritiesConfirmedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.prioritiesConfirmedById);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who confirmed the order (the customer admin). Name and organisation name, for anyone who may see this." })
  prioritiesConfirmedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.prioritiesConfirmedById);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who agreed the proposed end date for the vendor. The full user only where `node(id)` of that user answers too; otherwise null: use `vendorAgreedBySummary`." })
  vendorAgreedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.vendorAgreedById);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who agreed the proposed end date for the vendor. Name and organisation name, for anyone who may see this." })
  vendorAgreedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.vendorAgreedById);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who agreed the proposed end date for the customer. The full user only where `node(id)` of that user answers too; otherwise null: use `customerAgreedBySummary`." })
  customerAgreedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.customerAgreedById);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who agreed the proposed end date for the customer. Name and organisation name, for anyone who may see this." })
  customerAgreedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.customerAgreedById);
  }

  @FieldResolver(() => Int, { description: "Percent of the items done (dropped items not counted)." })
  async percentDone(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actionPlans.percentDone(await ctx.loaders.actionItems.load(p.row.id));
  }

  @FieldResolver(() => [ActionItem], { description: "Items not done although the end date has passed." })
  async itemsPastEndDate(@Root() p: ActionPlan, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return actionPlans.pastEndDate(await ctx.loaders.actionItems.load(p.row.id), p.row, clock.today).map(ActionItem.from);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "The next annual service visit proposed from the end date (500+); null for BRF or before an end date is agreed." })
  async proposedServiceVisitOn(@Root() p: ActionPlan, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    const t = await service.findTailoring(ctx.db, viewer, p.row.tailoringId, clock);
    return t ? service.proposedServiceVisitOn(ctx.db, t.agreement, p.row) : null;
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

  @FieldResolver(() => Boolean, { description: "Whether the caller may ask for (or start) a tailoring of this agreement (step 1)." })
  viewerCanRequestTailoring(@CurrentViewer() viewer: Viewer) {
    return holds(viewer, TAILORING_REQUESTERS);
  }
}
