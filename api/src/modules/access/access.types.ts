import { Length } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { apiTokens } from "../../db/schema/index.js";
import { ConnectionType } from "../../shared/connection.js";
import { UserError } from "../../shared/errors.js";
import { toGlobalId } from "../../shared/ids.js";
import { Organisation, User } from "../parties/party.types.js";
import { Node } from "../../shared/node.js";

@ObjectType({ description: "Who is calling: the user and the organisation the user belongs to." })
export class Viewer {
  @Field(() => User, { description: "The user behind the session or API token." })
  user!: User;

  @Field(() => Organisation, { description: "The user's organisation." })
  organisation!: Organisation;

  @Field(() => String, { description: "SESSION for a log-in, API_TOKEN for a partner's token." })
  authenticatedWith!: "SESSION" | "API_TOKEN";
}

@InputType({ description: "Log in with e-mail and password." })
export class LoginInput {
  @Field(() => String, { description: "The user's e-mail address." })
  @Length(1, 320)
  email!: string;

  @Field(() => String, { description: "The user's password." })
  @Length(1, 500)
  password!: string;
}

@ObjectType({ description: "Result of `login`. On success, send `token` as `Authorization: Bearer <token>`." })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: "The session token; shown only here." })
  token!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the session ends by itself." })
  expiresAt!: Date | null;

  @Field(() => Viewer, { nullable: true, description: "Who is now logged in." })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: "INVALID_CREDENTIALS or TOO_MANY_ATTEMPTS; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of `logout`." })
export class LogoutPayload {
  @Field(() => Boolean, { description: "True when the session was ended." })
  loggedOut!: boolean;

  @Field(() => [UserError], { description: "What was wrong; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ implements: Node, description: "A partner's API token. The secret is shown once, at creation, and stored only as a hash." })
export class ApiToken extends Node {
  uuid!: string;
  createdByUuid!: string;

  @Field(() => String, { description: "What the token is used for." })
  name!: string;

  @Field(() => String, { description: "The secret's first characters, to tell tokens apart." })
  prefix!: string;

  @Field(() => DateTimeResolver, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was last used (to the minute)." })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was revoked; a revoked token no longer works." })
  revokedAt!: Date | null;

  static from(row: typeof apiTokens.$inferSelect): ApiToken {
    return Object.assign(new ApiToken(), {
      id: toGlobalId("ApiToken", row.id),
      uuid: row.id,
      createdByUuid: row.createdById,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      revokedAt: row.revokedAt,
    });
  }
}

export const ApiTokenConnection = ConnectionType(ApiToken, "ApiToken", "API token");

@InputType({ description: "Create an API token for the caller's organisation." })
export class CreateApiTokenInput {
  @Field(() => String, { description: "Where the token will be used, e.g. \"Our CRM integration\" (1–100 characters)." })
  @Length(1, 100)
  name!: string;
}

@ObjectType({ description: "Result of `createApiToken`." })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "The new token." })
  apiToken!: ApiToken | null;

  @Field(() => String, { nullable: true, description: "The secret to send as `Authorization: Bearer <secret>`. Shown only this once." })
  secret!: string | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success." })
  userErrors!: UserError[];
}

@InputType({ description: "Revoke an API token." })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: "Global id of the token." })
  apiTokenId!: string;
}

@ObjectType({ description: "Result of `revokeApiToken`." })
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "The revoked token." })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: "NOT_FOUND or ALREADY_REVOKED; empty on success." })
  userErrors!: UserError[];
}
