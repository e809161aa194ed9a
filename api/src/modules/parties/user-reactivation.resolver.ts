import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { USER_CREATORS } from "./party.roles.js";
import { User } from "./party.types.js";
import { reactivateUser } from "./user-reactivation.js";
import { ReactivateUserInput, ReactivateUserPayload } from "./user-reactivation.types.js";

/** "Återaktivera": a deactivated user brought back by an admin (user-reactivation.ts). */
@Resolver()
export class UserReactivationResolver {
  @Authorized(...USER_CREATORS)
  @Mutation(() => ReactivateUserPayload, {
    description:
      "Bring a deactivated user back: they log in again with their password and are mailed so. Sessions and API tokens the deactivation ended stay ended. Admins anywhere; partner and customer admins in their own organisation. NOT_FOUND, STALE_VERSION, USER_NOT_DEACTIVATED, USER_ANONYMISED (invite them instead), ORGANISATION_DEACTIVATED.",
  })
  async reactivateUser(
    @Arg("input", () => ReactivateUserInput, { description: "The user and the version read." })
    input: ReactivateUserInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await reactivateUser(
      ctx.db,
      viewer,
      { userId: uuidOf(input.userId, "User"), expectedVersion: input.expectedVersion },
      ctx.app.portalUrl,
    );
    return payload(result, "user", User.from);
  }
}
