import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { changeAgreementCoverage, previewAgreementCoverage, type CoverageChange } from "./agreement-coverage.js";
import {
  AgreementCoverageChange,
  AgreementCoverageEffect,
  AgreementCoveragePreview,
  ChangeAgreementCoverageInput,
  ChangeAgreementCoveragePayload,
  ChangeAgreementPartiesInput,
  ChangeAgreementPartiesPayload,
} from "./agreement-coverage.types.js";
import { changeAgreementParties } from "./agreement-parties-change.js";
import { agreementPermissions } from "./agreement-permissions.js";
import { AGREEMENT_MANAGERS } from "./agreement.roles.js";
import { Agreement } from "./agreement.types.js";

function coverageChange(input: AgreementCoverageChange): CoverageChange {
  return {
    agreementId: uuidOf(input.agreementId, "Agreement"),
    addPropertyIds: input.addPropertyIds.map((p) => uuidOf(p, "Property")),
    removePropertyIds: input.removePropertyIds.map((p) => uuidOf(p, "Property")),
  };
}

/** Correcting what an agreement covers and who sells and signs it (decision 0074). */
@Resolver(() => Agreement)
export class AgreementCoverageResolver {
  @Authorized(...AGREEMENT_MANAGERS)
  @Query(() => AgreementCoveragePreview, {
    description:
      "What a coverage change would do — the annual visit, the Hantera quota and the yearly value before and after, the booked visits it calls off — without doing it. Sellers and admins.",
  })
  async agreementCoveragePreview(
    @Arg("input", () => AgreementCoverageChange, { description: "The change." }) input: AgreementCoverageChange,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ): Promise<AgreementCoveragePreview> {
    const result = await previewAgreementCoverage(ctx.db, viewer, coverageChange(input), clock);
    if ("errors" in result) return { effect: null, userErrors: result.errors };
    return { effect: AgreementCoverageEffect.from(result.ok), userErrors: [] };
  }

  @Authorized(...AGREEMENT_MANAGERS)
  @Mutation(() => ChangeAgreementCoveragePayload, {
    description:
      "Add and remove covered properties, as `agreementCoveragePreview` showed; booked visits at a removed property are cancelled with a mail. Sellers and admins.",
  })
  async changeAgreementCoverage(
    @Arg("input", () => ChangeAgreementCoverageInput, { description: "The change and the version previewed." })
    input: ChangeAgreementCoverageInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ): Promise<ChangeAgreementCoveragePayload> {
    const result = await changeAgreementCoverage(
      ctx.db,
      viewer,
      { ...coverageChange(input), expectedVersion: input.expectedVersion },
      clock,
    );
    if ("errors" in result) return { agreement: null, effect: null, userErrors: result.errors };
    return {
      agreement: Agreement.from(result.ok.agreement),
      effect: AgreementCoverageEffect.from(result.ok),
      userErrors: [],
    };
  }

  @Authorized(...AGREEMENT_MANAGERS)
  @Mutation(() => ChangeAgreementPartiesPayload, {
    description:
      "Hand the agreement to another seller or signing partner; who may see it follows at once. Sellers and admins.",
  })
  async changeAgreementParties(
    @Arg("input", () => ChangeAgreementPartiesInput, { description: "The agreement, the version and the parties." })
    input: ChangeAgreementPartiesInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await changeAgreementParties(
      ctx.db,
      viewer,
      {
        agreementId: uuidOf(input.agreementId, "Agreement"),
        expectedVersion: input.expectedVersion,
        sellerId: input.sellerId == null ? input.sellerId : uuidOf(input.sellerId, "User"),
        partnerId: input.partnerId == null ? input.partnerId : uuidOf(input.partnerId, "Organisation"),
      },
      clock,
    );
    return payload(result, "agreement", Agreement.from);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may change the covered properties now: a seller or admin, the agreement not ended.",
  })
  async viewerCanChangeCoverage(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    const tier = (await ctx.loaders.tiers()).find((t) => t.code === a.record.tier);
    return agreementPermissions(viewer, a.record, tier).changeCoverage;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller may change the seller and partner (sellers, admins).",
  })
  async viewerCanChangeParties(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    const tier = (await ctx.loaders.tiers()).find((t) => t.code === a.record.tier);
    return agreementPermissions(viewer, a.record, tier).changeParties;
  }
}
