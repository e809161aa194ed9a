import { Length, MaxLength } from "class-validator";
import { DateTimeResolver, EmailAddressResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { invitations } from "../../db/schema/index.js";
import { ConnectionType } from "../../shared/connection.js";
import { UserError } from "../../shared/errors.js";
import { toGlobalId } from "../../shared/ids.js";
import { Node } from "../../shared/node.js";
import { OneLine } from "../../shared/one-line.js";
import { Language, Role, User } from "../parties/index.js";
import { PayloadType } from "../../shared/payload.js";

const PASSWORD_RULES =
  "12 to 200 characters, not easy to guess (zxcvbn score 3 of 4; not the e-mail or name): PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_WEAK.";

@ObjectType({
  implements: Node,
  description:
    "An invitation to become a user of an organisation, by a link mailed to the person (single use, 14 days). The link's token is stored only as a hash.",
})
export class Invitation extends Node {
  uuid!: string;
  organisationUuid!: string;

  @Field(() => String, { description: "Where the invitation was sent." })
  email!: string;

  @Field(() => String, { description: "The invited person's name, as the user will have it." })
  name!: string;

  @Field(() => Role, { description: "The role the user will have." })
  role!: Role;

  @Field(() => DateTimeResolver, { description: "When the link was last sent." })
  sentAt!: Date;

  @Field(() => DateTimeResolver, { description: "When the link stops working (14 days after it was last sent)." })
  expiresAt!: Date;

  static from(row: typeof invitations.$inferSelect): Invitation {
    return Object.assign(new Invitation(), {
      id: toGlobalId("Invitation", row.id),
      uuid: row.id,
      organisationUuid: row.organisationId,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      sentAt: row.sentAt,
      expiresAt: row.expiresAt,
    });
  }
}

export const InvitationConnection = ConnectionType(Invitation, "Invitation", "invitation");

@ObjectType({
  description: "What an invitation link opens: shown to the invited person before they choose a password.",
})
export class InvitationPreview {
  @Field(() => String, { description: "The e-mail address the user will log in with." })
  email!: string;

  @Field(() => String, { description: "The invited person's name." })
  name!: string;

  @Field(() => Role, { description: "The role the user will have." })
  role!: Role;

  @Field(() => String, { description: "The organisation's name." })
  organisationName!: string;

  @Field(() => DateTimeResolver, { description: "When the link stops working." })
  expiresAt!: Date;
}

@ObjectType({ description: "Result of `invitationByToken`: the invitation, or why the link does not work." })
export class InvitationByTokenPayload {
  @Field(() => InvitationPreview, { nullable: true, description: "The invitation; null when userErrors is not empty." })
  invitation!: InvitationPreview | null;

  @Field(() => [UserError], {
    description: "INVITATION_INVALID (unknown, revoked or resent), INVITATION_EXPIRED or INVITATION_ALREADY_ACCEPTED.",
  })
  userErrors!: UserError[];
}

@InputType({ description: "Invite a person to an organisation by e-mail." })
export class InviteUserInput {
  @Field(() => ID, { description: "The organisation the user will belong to." })
  organisationId!: string;

  @Field(() => String, { description: "Full name (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name!: string;

  @Field(() => EmailAddressResolver, { description: "Where the link is sent; the user's log-in, unique in Trygg." })
  email!: string;

  @Field(() => Role, { description: "Must fit the organisation's kind: vendor, partner or customer roles." })
  role!: Role;
}

@InputType({ description: "An open invitation to resend or revoke." })
export class InvitationInput {
  @Field(() => ID, { description: "Global id of the invitation." })
  invitationId!: string;
}

@ObjectType({ description: "Result of `inviteUser`, `resendInvitation` and `revokeInvitation`." })
export class InvitationPayload {
  @Field(() => Invitation, { nullable: true, description: "The invitation; null when userErrors is not empty." })
  invitation!: Invitation | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success. When not empty, nothing was written." })
  userErrors!: UserError[];
}

@InputType({ description: "Accept an invitation by choosing a password." })
export class AcceptInvitationInput {
  @Field(() => String, { description: "The token from the invitation link." })
  @Length(1, 200)
  token!: string;

  @Field(() => String, { description: `The password to log in with: ${PASSWORD_RULES}` })
  @MaxLength(500)
  password!: string;
}

@ObjectType({ description: "Result of `acceptInvitation`. Then log in with the user's e-mail and the password." })
export class AcceptInvitationPayload {
  @Field(() => User, { nullable: true, description: "The new user; null when userErrors is not empty." })
  user!: User | null;

  @Field(() => [UserError], {
    description:
      "INVITATION_INVALID, INVITATION_EXPIRED, INVITATION_ALREADY_ACCEPTED, EMAIL_TAKEN or a password rule; empty on success.",
  })
  userErrors!: UserError[];
}

@InputType({ description: "Ask for a password-reset link by e-mail." })
export class RequestPasswordResetInput {
  @Field(() => String, { description: "The address the account logs in with." })
  @Length(1, 320)
  email!: string;
}

@ObjectType({
  description:
    "Result of `requestPasswordReset`: the same whether or not the address has an account. Too many requests answer the GraphQL error TOO_MANY_REQUESTS (HTTP 429).",
})
export class RequestPasswordResetPayload {
  @Field(() => Boolean, { description: "Always true: a mail is on its way to the address." })
  requested!: boolean;

  @Field(() => [UserError], { description: "Always empty; kept for the shape every payload has." })
  userErrors!: UserError[];
}

@InputType({ description: "Set a new password with the link from the reset mail." })
export class ResetPasswordInput {
  @Field(() => String, { description: "The token from the reset link." })
  @Length(1, 200)
  token!: string;

  @Field(() => String, { description: `The new password: ${PASSWORD_RULES}` })
  @MaxLength(500)
  password!: string;
}

@ObjectType({
  description: "Result of `resetPassword`. Every session and API token of the user has ended; log in anew.",
})
export class ResetPasswordPayload {
  @Field(() => String, { nullable: true, description: "The e-mail address to log in with; null on failure." })
  email!: string | null;

  @Field(() => [UserError], {
    description: "RESET_LINK_INVALID (unknown or used), RESET_LINK_EXPIRED or a password rule; empty on success.",
  })
  userErrors!: UserError[];
}

@InputType({ description: "Change the caller's password." })
export class ChangePasswordInput {
  @Field(() => String, { description: "The password the caller logs in with now." })
  @MaxLength(500)
  currentPassword!: string;

  @Field(() => String, { description: `The new password: ${PASSWORD_RULES}` })
  @MaxLength(500)
  newPassword!: string;
}

@ObjectType({ description: "Result of `changePassword`. The caller's other sessions have ended." })
export class ChangePasswordPayload {
  @Field(() => Boolean, { description: "True when the password was changed." })
  changed!: boolean;

  @Field(() => [UserError], {
    description: "WRONG_PASSWORD or a password rule; empty on success. Counts against the log-in limits.",
  })
  userErrors!: UserError[];
}

@InputType({ description: "The language Trygg speaks to the caller in." })
export class SetMyLanguageInput {
  @Field(() => Language, { description: "SV or EN: the portal, the e-mails sent to the caller and their protocols." })
  language!: Language;
}

export const SetMyLanguagePayload = PayloadType("SetMyLanguagePayload", "user", User, "caller, with the language");
