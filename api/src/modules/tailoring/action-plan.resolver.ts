import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Clock } from "../../shared/clock.js";
import type { Viewer } from "../../shared/viewer.js";
import { CurrentViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Actor, actorOf, User } from "../parties/index.js";
import * as actionPlans from "./action-plan.js";
import { pastEndDate } from "./items-past-end-date.js";
import { ACTION_ITEM_UPDATERS, PLAN_WRITERS, PRIORITY_CONFIRMERS } from "./tailoring.roles.js";
import { ActionItem, ActionPlan } from "./tailoring.types.js";
import {
  AddActionItemInput,
  AddActionItemPayload,
  AgreeEndDateInput,
  AgreeEndDatePayload,
  ConfirmPrioritiesInput,
  ConfirmPrioritiesPayload,
  PrioritiseActionPlanInput,
  PrioritiseActionPlanPayload,
  RemoveActionItemInput,
  RemoveActionItemPayload,
  UpdateActionItemInput,
  UpdateActionItemPayload,
} from "./tailoring.inputs.js";
import { userOf } from "./visible-user.js";

@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  @Authorized(...PLAN_WRITERS)
  @Mutation(() => AddActionItemPayload, {
    description: "Step 3: add an action item; STEP_OUT_OF_ORDER unless the plan is being written.",
  })
  async addActionItem(
    @Arg("input", () => AddActionItemInput, { description: "The item." }) input: AddActionItemInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await actionPlans.addActionItem(
      ctx.db,
      viewer,
      {
        ...input,
        actionPlanId: uuidOf(input.actionPlanId, "ActionPlan"),
        estimateMinor: input.estimateCost?.amountMinor ?? null,
      },
      clock,
    );
    return payload(r, "actionItem", ActionItem.from);
  }

  @Authorized(...ACTION_ITEM_UPDATERS)
  @Mutation(() => UpdateActionItemPayload, {
    description:
      "Change an action item. Content only while the plan is written; status (progress) at any time after, also when DONE. Partner staff change only the status of items their organisation owns (NOT_ITEM_OWNER otherwise).",
  })
  async updateActionItem(
    @Arg("input", () => UpdateActionItemInput, { description: "What to change." }) input: UpdateActionItemInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await actionPlans.updateActionItem(
      ctx.db,
      viewer,
      {
        ...input,
        actionItemId: uuidOf(input.actionItemId, "ActionItem"),
        estimateMinor: input.estimateCost?.amountMinor ?? null,
      },
      clock,
    );
    return payload(r, "actionItem", ActionItem.from);
  }

  @Authorized(...PLAN_WRITERS)
  @Mutation(() => RemoveActionItemPayload, { description: "Step 3: remove an action item." })
  async removeActionItem(
    @Arg("input", () => RemoveActionItemInput, { description: "Which item." }) input: RemoveActionItemInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await actionPlans.removeActionItem(
      ctx.db,
      viewer,
      { actionItemId: uuidOf(input.actionItemId, "ActionItem") },
      clock,
    );
    return payload(r, "actionItem", ActionItem.from);
  }

  @Authorized(...PLAN_WRITERS)
  @Mutation(() => PrioritiseActionPlanPayload, {
    description:
      "Step 4: set the order of all items. Two people reordering at once: the second gets STALE_VERSION; the order is never mixed.",
  })
  async prioritiseActionPlan(
    @Arg("input", () => PrioritiseActionPlanInput, { description: "Plan, order, version." })
    input: PrioritiseActionPlanInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await actionPlans.prioritiseActionPlan(
      ctx.db,
      viewer,
      {
        ...input,
        actionPlanId: uuidOf(input.actionPlanId, "ActionPlan"),
        itemIds: input.itemIds.map((i) => uuidOf(i, "ActionItem")),
      },
      clock,
    );
    return payload(r, "actionPlan", ActionPlan.from);
  }

  @Authorized(...PRIORITY_CONFIRMERS)
  @Mutation(() => ConfirmPrioritiesPayload, {
    description: "Step 4: the customer admin confirms the order; the seller sees who confirmed when.",
  })
  async confirmPriorities(
    @Arg("input", () => ConfirmPrioritiesInput, { description: "Plan and version." }) input: ConfirmPrioritiesInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await actionPlans.confirmPriorities(
      ctx.db,
      viewer,
      { ...input, actionPlanId: uuidOf(input.actionPlanId, "ActionPlan") },
      clock,
    );
    return payload(r, "actionPlan", ActionPlan.from);
  }

  @Authorized(...PLAN_WRITERS)
  @Mutation(() => AgreeEndDatePayload, {
    description:
      "Step 5: propose or agree the end date; when both parties have agreed the same date the tailoring is DONE.",
  })
  async agreeEndDate(
    @Arg("input", () => AgreeEndDateInput, { description: "Plan and date." }) input: AgreeEndDateInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await actionPlans.agreeEndDate(
      ctx.db,
      viewer,
      { ...input, actionPlanId: uuidOf(input.actionPlanId, "ActionPlan") },
      clock,
    );
    return payload(r, "actionPlan", ActionPlan.from);
  }

  @FieldResolver(() => [ActionItem], { description: "The items in their agreed order." })
  async items(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return (await ctx.loaders.actionItems.load(p.row.id)).map(ActionItem.from);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who set the order last. The full user only where `node(id)` of that user answers too; otherwise null: use `prioritisedBySummary`.",
  })
  prioritisedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.prioritisedById);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "Who set the order last. Name and organisation name, for anyone who may see this.",
  })
  prioritisedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.prioritisedById);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who confirmed the order (the customer admin). The full user only where `node(id)` of that user answers too; otherwise null: use `prioritiesConfirmedBySummary`.",
  })
  prioritiesConfirmedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.prioritiesConfirmedById);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      "Who confirmed the order (the customer admin). Name and organisation name, for anyone who may see this.",
  })
  prioritiesConfirmedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.prioritiesConfirmedById);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who agreed the proposed end date for the vendor. The full user only where `node(id)` of that user answers too; otherwise null: use `vendorAgreedBySummary`.",
  })
  vendorAgreedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.vendorAgreedById);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      "Who agreed the proposed end date for the vendor. Name and organisation name, for anyone who may see this.",
  })
  vendorAgreedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.vendorAgreedById);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "Who agreed the proposed end date for the customer. The full user only where `node(id)` of that user answers too; otherwise null: use `customerAgreedBySummary`.",
  })
  customerAgreedBy(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return userOf(ctx, p.row.customerAgreedById);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      "Who agreed the proposed end date for the customer. Name and organisation name, for anyone who may see this.",
  })
  customerAgreedBySummary(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actorOf(ctx, p.row.customerAgreedById);
  }

  @FieldResolver(() => Int, { description: "Percent of the items done (dropped items not counted)." })
  async percentDone(@Root() p: ActionPlan, @Ctx() ctx: Context) {
    return actionPlans.percentDone(await ctx.loaders.actionItems.load(p.row.id));
  }

  @FieldResolver(() => [ActionItem], { description: "Items not done although the end date has passed." })
  async itemsPastEndDate(@Root() p: ActionPlan, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return pastEndDate(await ctx.loaders.actionItems.load(p.row.id), p.row, clock.today).map(ActionItem.from);
  }
}
