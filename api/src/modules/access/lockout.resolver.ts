import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { User } from "../parties/index.js";
import { LOCKOUT_KEEPERS } from "./access.roles.js";
import { lockedOutUsers, unlockLogin } from "./login-lockouts.js";
import { LoginLockout, UnlockLoginInput, UnlockLoginPayload } from "./lockout.types.js";

@Resolver(() => LoginLockout)
export class LockoutResolver {
  @Authorized(...LOCKOUT_KEEPERS)
  @Query(() => [LoginLockout], {
    description:
      "Users the log-in limits refuse right now, soonest free first (only those locked at this moment, so a short list). Admins only.",
  })
  async loginLockouts(@Ctx() ctx: Context) {
    const locked = await lockedOutUsers(ctx.db, requireViewer(ctx), ctx.app.throttle);
    return locked.map((l) =>
      Object.assign(new LoginLockout(), {
        user: User.from(l.user),
        lockedUntil: l.until,
        fromEveryAddress: l.everywhere,
      }),
    );
  }

  @Authorized(...LOCKOUT_KEEPERS)
  @Mutation(() => UnlockLoginPayload, {
    description: "Let a locked-out user try again from every address (audited); NOT_LOCKED_OUT, NOT_FOUND.",
  })
  async unlockLogin(
    @Arg("input", () => UnlockLoginInput, { description: "The user." }) input: UnlockLoginInput,
    @Ctx() ctx: Context,
  ) {
    const r = await unlockLogin(ctx.db, requireViewer(ctx), ctx.app.throttle, { userId: uuidOf(input.userId, "User") });
    return payload(r, "user", User.from);
  }
}
