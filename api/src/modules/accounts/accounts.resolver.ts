import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { INVITERS, Organisation, User } from "../parties/index.js";
import * as invitations from "./invitation.service.js";
import { changePassword } from "./password-change.js";
import { completePasswordReset, requestPasswordReset } from "./password-reset.service.js";
import {
  AcceptInvitationInput,
  AcceptInvitationPayload,
  ChangePasswordInput,
  ChangePasswordPayload,
  Invitation,
  InvitationByTokenPayload,
  InvitationConnection,
  InvitationInput,
  InvitationPayload,
  InviteUserInput,
  RequestPasswordResetInput,
  RequestPasswordResetPayload,
  ResetPasswordInput,
  ResetPasswordPayload,
  SetMyLanguageInput,
  SetMyLanguagePayload,
} from "./accounts.types.js";
import { setMyLanguage } from "./user-language.js";

const settingsOf = (ctx: Context) => ({ now: ctx.now, portalUrl: ctx.app.portalUrl });

@Resolver(() => Invitation)
export class InvitationResolver {
  @Authorized(...INVITERS)
  @Query(() => InvitationConnection, {
    description:
      "Open invitations (not accepted or revoked; expired ones too, to resend), newest first. Admins anywhere; sellers those to customers; partner and customer admins their own organisation's, a partner admin also those of the customers its partner registered.",
  })
  async invitations(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("organisationId", () => ID, { nullable: true, description: "Only invitations to this organisation." })
    organisationId: string | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const filter = { organisationId: organisationId ? uuidOf(organisationId, "Organisation") : null };
    return mapNodes(
      await invitations.listInvitations(ctx.db, viewer, filter, { ...page, countTotal: asksForTotalCount(info) }),
      Invitation.from,
    );
  }

  @Query(() => InvitationByTokenPayload, {
    description: "What an invitation link opens (no log-in needed: the token is the key), or why it does not work.",
  })
  async invitationByToken(
    @Arg("token", () => String, { description: "The token from the invitation link." }) token: string,
    @Ctx() ctx: Context,
  ) {
    const result = await invitations.invitationByToken(ctx.db, token.slice(0, 200), ctx.now);
    return payload(result, "invitation", ({ invitation, organisationName }) => ({
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      organisationName,
      expiresAt: invitation.expiresAt,
    }));
  }

  @Authorized(...INVITERS)
  @Mutation(() => InvitationPayload, {
    description:
      "Invite a person by e-mail: they get a link (single use, 14 days) to choose their password. Admins anywhere; sellers into any customer, with a customer's role; partner and customer admins in their own organisation, a partner admin also in the customers its partner registered.",
  })
  async inviteUser(
    @Arg("input", () => InviteUserInput, { description: "Who, where and with which role." }) input: InviteUserInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await invitations.inviteUser(ctx.db, viewer, settingsOf(ctx), {
      ...input,
      organisationId: uuidOf(input.organisationId, "Organisation"),
    });
    return payload(result, "invitation", Invitation.from);
  }

  @Authorized(...INVITERS)
  @Mutation(() => InvitationPayload, {
    description: "Send an open invitation again with a new link (the old one stops working), valid 14 days from now.",
  })
  async resendInvitation(
    @Arg("input", () => InvitationInput, { description: "The invitation." }) input: InvitationInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const invitationId = uuidOf(input.invitationId, "Invitation");
    return payload(
      await invitations.resendInvitation(ctx.db, viewer, settingsOf(ctx), { invitationId }),
      "invitation",
      Invitation.from,
    );
  }

  @Authorized(...INVITERS)
  @Mutation(() => InvitationPayload, { description: "Revoke an open invitation: its link stops working." })
  async revokeInvitation(
    @Arg("input", () => InvitationInput, { description: "The invitation." }) input: InvitationInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const invitationId = uuidOf(input.invitationId, "Invitation");
    return payload(
      await invitations.revokeInvitation(ctx.db, viewer, settingsOf(ctx), { invitationId }),
      "invitation",
      Invitation.from,
    );
  }

  @Mutation(() => AcceptInvitationPayload, {
    description: "Accept an invitation by choosing a password (no log-in needed); then log in with it.",
  })
  async acceptInvitation(
    @Arg("input", () => AcceptInvitationInput, { description: "The link's token and the password." })
    input: AcceptInvitationInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await invitations.acceptInvitation(ctx.db, settingsOf(ctx), input), "user", User.from);
  }

  @FieldResolver(() => Organisation, { description: "The organisation the person is invited to." })
  async organisation(@Root() invitation: Invitation, @Ctx() ctx: Context) {
    return Organisation.from((await ctx.loaders.organisation.load(invitation.organisationUuid))!);
  }
}

@Resolver()
export class PasswordResolver {
  @Mutation(() => RequestPasswordResetPayload, {
    description:
      "Mail a reset link (valid one hour, single use) to the address if it has an account. The answer is the same either way.",
  })
  async requestPasswordReset(
    @Arg("input", () => RequestPasswordResetInput, { description: "The e-mail address." })
    input: RequestPasswordResetInput,
    @Ctx() ctx: Context,
  ) {
    await requestPasswordReset(
      ctx.db,
      { throttle: ctx.app.resetThrottle, settings: settingsOf(ctx) },
      { ip: ctx.ip, requestId: ctx.requestId },
      input,
    );
    return { requested: true, userErrors: [] };
  }

  @Mutation(() => ResetPasswordPayload, {
    description: "Set a new password with a reset link; every session and API token of the user ends.",
  })
  async resetPassword(
    @Arg("input", () => ResetPasswordInput, { description: "The link's token and the new password." })
    input: ResetPasswordInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await completePasswordReset(ctx.db, settingsOf(ctx), input), "email", (r) => r.email);
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, {
    description: "Change the caller's password, giving the current one; the caller's other sessions end.",
  })
  async changePassword(
    @Arg("input", () => ChangePasswordInput, { description: "The current and the new password." })
    input: ChangePasswordInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await changePassword(ctx.db, { throttle: ctx.app.throttle, now: ctx.now }, viewer, ctx, input);
    return "errors" in result ? { changed: false, userErrors: result.errors } : { changed: true, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => SetMyLanguagePayload, {
    description: "Choose the caller's language (SV, EN) for the portal, the e-mails sent to them and their protocols.",
  })
  async setMyLanguage(
    @Arg("input", () => SetMyLanguageInput, { description: "The language." }) input: SetMyLanguageInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return payload(await setMyLanguage(ctx.db, viewer, input.language), "user", User.from);
  }
}
