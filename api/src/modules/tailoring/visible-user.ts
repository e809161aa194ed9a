import type { Context } from "../../context.js";
import { User } from "../parties/index.js";

/** The full user only where `node(id)` would answer it too (shared/scope.ts); else null. */
export async function userOf(ctx: Context, id: string | null) {
  const row = id ? await ctx.loaders.visibleUser.load(id) : null;
  return row && User.from(row);
}
