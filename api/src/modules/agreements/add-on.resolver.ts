import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { askedPrice } from "../pricing/index.js";
import { addOnIsActive, cancelAddOn, newestAddOnsFirst, orderAddOn } from "./add-ons.js";
import { ADD_ON_ACTORS, ADD_ON_ORDERERS } from "./agreement.roles.js";
import { AddOn, Agreement } from "./agreement.types.js";
import { CancelAddOnInput, CancelAddOnPayload, OrderAddOnInput, OrderAddOnPayload } from "./agreement.inputs.js";

/** An agreement's add-ons, hosting and monitoring: the rules are add-ons.ts. */
@Resolver(() => Agreement)
export class AddOnResolver {
  @Authorized(...ADD_ON_ORDERERS)
  @Mutation(() => OrderAddOnPayload, {
    description:
      "Order hosting or monitoring at today's list price (vendor staff may agree another); AGREEMENT_REQUIRED without a valid agreement.",
  })
  async orderAddOn(
    @Arg("input", () => OrderAddOnInput, { description: "Agreement and add-on." }) input: OrderAddOnInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const order = {
      agreementId: uuidOf(input.agreementId, "Agreement"),
      kind: input.kind,
      hostedServices: input.hostedServices,
      price: askedPrice(input),
    };
    const result = await orderAddOn(ctx.db, viewer, order, clock);
    return payload(result, "addOn", (r) => AddOn.from(r, !r.endedOn));
  }

  @Authorized(...ADD_ON_ACTORS)
  @Mutation(() => CancelAddOnPayload, { description: "Cancel an add-on from today." })
  async cancelAddOn(
    @Arg("input", () => CancelAddOnInput, { description: "Which add-on." }) input: CancelAddOnInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await cancelAddOn(ctx.db, viewer, { addOnId: uuidOf(input.addOnId, "AddOn") }, clock);
    return payload(result, "addOn", (r) => AddOn.from(r, false));
  }

  @FieldResolver(() => [AddOn], { description: "Add-ons, newest first, ended ones included." })
  async addOns(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return newestAddOnsFirst(await ctx.loaders.addOns.load(a.record.id)).map((r) =>
      AddOn.from(r, addOnIsActive(r, a.record, clock.today)),
    );
  }
}
