import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { Viewer } from "../access/index.js";
import * as preferences from "./notification-preferences.js";
import {
  NotificationPreference,
  UpdateNotificationPreferencesInput,
  UpdateNotificationPreferencesPayload,
} from "./notification-preferences.types.js";

const toType = (p: preferences.NotificationPreference) => Object.assign(new NotificationPreference(), p);

@Resolver(() => Viewer)
export class ViewerNotificationsResolver {
  @FieldResolver(() => [NotificationPreference], {
    description:
      "The e-mails the caller may choose among and whether each is on (all on by default); empty for a role that gets none.",
  })
  async notificationPreferences(@Ctx() ctx: Context) {
    return (await preferences.preferencesOf(ctx.db, requireViewer(ctx))).map(toType);
  }
}

@Resolver()
export class NotificationPreferencesResolver {
  @Authorized()
  @Mutation(() => UpdateNotificationPreferencesPayload, {
    description: "Turn the caller's own e-mails on or off (never another user's); audited.",
  })
  async updateNotificationPreferences(
    @Arg("input", () => UpdateNotificationPreferencesInput, { description: "The topics to change." })
    input: UpdateNotificationPreferencesInput,
    @Ctx() ctx: Context,
  ) {
    const r = await preferences.updateNotificationPreferences(ctx.db, requireViewer(ctx), input);
    return "errors" in r
      ? { notificationPreferences: null, userErrors: r.errors }
      : { notificationPreferences: r.ok.map(toType), userErrors: [] };
  }
}
