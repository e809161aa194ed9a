import { Args, Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { ConnectionArgs, ConnectionType, mapNodes } from "../../shared/connection.js";
import { DateScalar } from "../../shared/scalars.js";
import type { Viewer } from "../../shared/viewer.js";
import { Agreement } from "../agreements/index.js";
import { listItemsPastEndDate, type ItemPastEndDate } from "./items-past-end-date.js";
import { ActionItem } from "./tailoring.types.js";

@ObjectType({
  description: "An action item still to do after its plan's agreed end date, with the agreement it is for.",
})
export class ActionItemPastEndDate {
  @Field(() => ActionItem, { description: "The item." })
  item!: ActionItem;

  @Field(() => DateScalar, { description: "The end date its plan agreed, which has passed." })
  endOn!: string;

  agreementId!: string;

  static from(r: ItemPastEndDate): ActionItemPastEndDate {
    return Object.assign(new ActionItemPastEndDate(), {
      item: ActionItem.from(r.item),
      endOn: r.endOn,
      agreementId: r.agreementId,
    });
  }
}

const ActionItemPastEndDateConnection = ConnectionType(
  ActionItemPastEndDate,
  "ActionItemPastEndDate",
  "action item past its plan's end date",
);

@Resolver(() => ActionItemPastEndDate)
export class ActionItemPastEndDateResolver {
  @Authorized()
  @Query(() => ActionItemPastEndDateConnection, {
    description:
      "Action items still open or in progress after their plan's agreed end date, on the valid agreements the caller may see: the longest overdue first.",
  })
  async actionItemsPastEndDate(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    return mapNodes(await listItemsPastEndDate(ctx.db, viewer, page, clock), ActionItemPastEndDate.from);
  }

  @FieldResolver(() => Agreement, { description: "The agreement whose action plan it is." })
  async agreement(@Root() r: ActionItemPastEndDate, @Ctx() ctx: Context) {
    // The list holds only agreements the caller may see, so the loader (in the caller's scope) finds it; one
    // statement for the page's agreements.
    const a = await ctx.loaders.agreement.load(r.agreementId);
    if (!a) throw new Error(`Agreement ${r.agreementId} of a listed action item is out of reach.`);
    return Agreement.from(a);
  }
}
