import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { Organisation } from "../parties/index.js";
import { ORGANISATION_REACTIVATORS } from "./offboarding.roles.js";
import { ReactivateOrganisationInput, ReactivateOrganisationPayload } from "./organisation-deactivation.types.js";
import { reactivateOrganisation } from "./organisation-reactivation.js";

/** A deactivated organisation brought back (decision 0091). Vendor admins only. */
@Resolver()
export class OrganisationReactivationResolver {
  @Authorized(...ORGANISATION_REACTIVATORS)
  @Mutation(() => ReactivateOrganisationPayload, {
    description:
      "Bring a deactivated organisation back: it may again be a party, and its people can be invited again (a former user's account is re-enabled on accepting). What deactivation ended stays ended: agreements are not revived, users stay deactivated until invited. ORGANISATION_NOT_DEACTIVATED, STALE_VERSION. Vendor admins.",
  })
  async reactivateOrganisation(
    @Arg("input", () => ReactivateOrganisationInput, { description: "The organisation, the version read and why." })
    input: ReactivateOrganisationInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await reactivateOrganisation(ctx.db, viewer, {
      organisationId: uuidOf(input.organisationId, "Organisation"),
      expectedVersion: input.expectedVersion,
      reason: input.reason,
    });
    return payload(result, "organisation", Organisation.from);
  }
}
