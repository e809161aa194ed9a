import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { nameFor, readerLanguage } from "../parties/index.js";
import { BENEFIT_ACTORS } from "./agreement.roles.js";
import { Agreement, HanteraAccount, HanteraQuota } from "./agreement.types.js";
import {
  CreateHanteraAccountInput,
  CreateHanteraAccountPayload,
  DeactivateHanteraAccountInput,
  DeactivateHanteraAccountPayload,
} from "./agreement.inputs.js";
import { createHanteraAccount, deactivateHanteraAccount, loadHanteraQuota } from "./hantera-quota.js";

/** An agreement's Hantera accounts: made and deactivated within the quota of hantera-quota.ts. */
@Resolver(() => Agreement)
export class HanteraAccountResolver {
  @Authorized(...BENEFIT_ACTORS)
  @Mutation(() => CreateHanteraAccountPayload, {
    description: "Create a Hantera account; HANTERA_QUOTA_REACHED past the quota.",
  })
  async createHanteraAccount(
    @Arg("input", () => CreateHanteraAccountInput, { description: "Agreement and account holder." })
    input: CreateHanteraAccountInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await createHanteraAccount(
      ctx.db,
      viewer,
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement") },
      clock,
    );
    return payload(result, "hanteraAccount", HanteraAccount.from);
  }

  @Authorized(...BENEFIT_ACTORS)
  @Mutation(() => DeactivateHanteraAccountPayload, { description: "Deactivate a Hantera account." })
  async deactivateHanteraAccount(
    @Arg("input", () => DeactivateHanteraAccountInput, { description: "Which account." })
    input: DeactivateHanteraAccountInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await deactivateHanteraAccount(
      ctx.db,
      viewer,
      { hanteraAccountId: uuidOf(input.hanteraAccountId, "HanteraAccount") },
      clock,
    );
    return payload(result, "hanteraAccount", HanteraAccount.from);
  }

  @FieldResolver(() => [HanteraAccount], { description: "Hantera accounts, active and deactivated, oldest first." })
  async hanteraAccounts(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.hanteraAccounts.load(a.record.id)).map(HanteraAccount.from);
  }

  @FieldResolver(() => Int, {
    description:
      "How many active Hantera accounts the agreement allows: the tier's included accounts + rented Hantera licences.",
  })
  async hanteraAccountQuota(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return (await loadHanteraQuota(ctx.loaders, a.record, clock.today)).quota;
  }

  @FieldResolver(() => HanteraQuota, { description: "The quota in parts, with the number used." })
  async hanteraQuota(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return Object.assign(new HanteraQuota(), await loadHanteraQuota(ctx.loaders, a.record, clock.today));
  }
}

/** A Hantera account holder, named as the reader reads Trygg: an anonymised one as a former user is (0102). */
@Resolver(() => HanteraAccount)
export class HanteraAccountHolderResolver {
  @FieldResolver(() => String, { description: "The account holder's name, worded for the caller." })
  async name(@Root() account: HanteraAccount, @Ctx() ctx: Context) {
    return nameFor(await readerLanguage(ctx), account.name, account.formerHolder);
  }
}
