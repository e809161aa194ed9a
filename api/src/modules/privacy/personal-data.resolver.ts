import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import type { Viewer } from "../../shared/viewer.js";
import { exportPersonalData } from "./personal-data-export.js";
import { PersonalDataPayload } from "./personal-data.types.js";

/** A person's own data, to download (decision 0086). */
@Resolver()
export class PersonalDataResolver {
  @Authorized()
  @Query(() => PersonalDataPayload, {
    description:
      "Your personal data as JSON; with userId, a user you manage (vendor admins: anyone; partner and customer admins: their organisation's users).",
  })
  async personalData(
    @Arg("userId", () => ID, { nullable: true, description: "Another user's; omitted: your own." })
    userId: string | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PersonalDataPayload> {
    const result = await exportPersonalData(ctx.db, viewer, userId ? uuidOf(userId, "User") : null);
    if ("errors" in result) return { data: null, userErrors: result.errors };
    return { data: result.ok, userErrors: [] };
  }
}
