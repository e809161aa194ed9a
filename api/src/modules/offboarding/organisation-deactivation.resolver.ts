import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import type { Viewer } from "../../shared/viewer.js";
import { Organisation } from "../parties/index.js";
import { ORGANISATION_DEACTIVATORS } from "./offboarding.roles.js";
import {
  deactivatedOrganisations,
  deactivateOrganisation,
  previewOrganisationDeactivation,
  type DeactivationChoice,
} from "./organisation-deactivation.js";
import {
  DeactivateOrganisationInput,
  DeactivateOrganisationPayload,
  OrganisationDeactivationChoice,
  OrganisationDeactivationEffect,
  OrganisationDeactivationPreview,
} from "./organisation-deactivation.types.js";

function choiceOf(input: OrganisationDeactivationChoice): DeactivationChoice {
  return {
    organisationId: uuidOf(input.organisationId, "Organisation"),
    receivingPartnerId: input.receivingPartnerId ? uuidOf(input.receivingPartnerId, "Organisation") : null,
  };
}

/** A customer that leaves, a partner that closes (decision 0085). Vendor admins only. */
@Resolver()
export class OrganisationDeactivationResolver {
  @Authorized(...ORGANISATION_DEACTIVATORS)
  @Query(() => OrganisationDeactivationPreview, {
    description:
      "What deactivating an organisation would do — users and tokens that stop, each agreement terminated or handed over, properties kept — without doing it. Vendor admins.",
  })
  async organisationDeactivationPreview(
    @Arg("input", () => OrganisationDeactivationChoice, { description: "The organisation and the receiving partner." })
    input: OrganisationDeactivationChoice,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ): Promise<OrganisationDeactivationPreview> {
    const result = await previewOrganisationDeactivation(ctx.db, viewer, choiceOf(input), clock);
    if ("errors" in result) return { effect: null, userErrors: result.errors };
    return { effect: OrganisationDeactivationEffect.from(result.ok), userErrors: [] };
  }

  @Authorized(...ORGANISATION_DEACTIVATORS)
  @Mutation(() => DeactivateOrganisationPayload, {
    description:
      "Deactivate an organisation as previewed, in one transaction: its users and API tokens stop at once, its agreements are terminated or handed over, its properties keep their history. Vendor admins.",
  })
  async deactivateOrganisation(
    @Arg("input", () => DeactivateOrganisationInput, { description: "The choice, the version previewed and why." })
    input: DeactivateOrganisationInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ): Promise<DeactivateOrganisationPayload> {
    const result = await deactivateOrganisation(
      ctx.db,
      viewer,
      { ...choiceOf(input), expectedVersion: input.expectedVersion, reason: input.reason },
      clock,
    );
    if ("errors" in result) return { effect: null, userErrors: result.errors };
    return { effect: OrganisationDeactivationEffect.from(result.ok), userErrors: [] };
  }

  @Authorized(...ORGANISATION_DEACTIVATORS)
  @Query(() => [Organisation], { description: "Deactivated organisations, latest first (at most 50). Vendor admins." })
  async deactivatedOrganisations(
    @Arg("first", () => Int, { defaultValue: 20, description: "How many (1–50)." }) first: number,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Organisation[]> {
    const rows = await deactivatedOrganisations(ctx.db, viewer, Math.min(Math.max(first, 1), 50));
    return rows.map(Organisation.from);
  }
}
