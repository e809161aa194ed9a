import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer as ViewerModel } from "../../shared/viewer.js";
import { Organisation, User } from "../parties/index.js";
import { TOKEN_MANAGERS } from "./access.roles.js";
import { API_SCOPES } from "./api-token-scopes.js";
import * as access from "./access.service.js";
import { mayCreateAgreements, sectionsOf } from "./viewer-sections.js";
import {
  ApiToken,
  ApiTokenConnection,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  LoginInput,
  LoginPayload,
  LogoutPayload,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
  Viewer,
} from "./access.types.js";

async function toViewer(ctx: Context, v: ViewerModel): Promise<Viewer> {
  const [user, organisation] = await Promise.all([
    ctx.loaders.user.load(v.userId),
    ctx.loaders.organisation.load(v.organisationId),
  ]);
  return Object.assign(new Viewer(), {
    user: User.from(user!),
    organisation: Organisation.from(organisation!),
    authenticatedWith: v.apiTokenId ? "API_TOKEN" : "SESSION",
    sections: sectionsOf(v),
    viewerCanCreateAgreements: mayCreateAgreements(v),
  });
}

@Resolver()
export class AccessResolver {
  @Query(() => Viewer, { nullable: true, description: "Who is calling; null without a valid session or token." })
  async viewer(@Ctx() ctx: Context) {
    return ctx.viewer ? toViewer(ctx, ctx.viewer) : null;
  }

  @Mutation(() => LoginPayload, {
    description:
      "Log in. Repeated failures are slowed down; the answer never says whether the e-mail or the password was wrong.",
  })
  async login(
    @Arg("input", () => LoginInput, { description: "E-mail and password." }) input: LoginInput,
    @Ctx() ctx: Context,
  ) {
    const result = await access.login(
      ctx.db,
      ctx.app,
      { ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId },
      input,
    );
    if ("errors" in result) {
      ctx.log.warn({ email: input.email.toLowerCase(), code: result.errors[0]?.code }, "login refused");
      return { token: null, expiresAt: null, viewer: null, userErrors: result.errors };
    }
    return {
      token: result.ok.token,
      expiresAt: result.ok.expiresAt,
      viewer: await toViewer(ctx, result.ok.viewer),
      userErrors: [],
    };
  }

  @Authorized()
  @Mutation(() => LogoutPayload, { description: "End the caller's session." })
  async logout(@Ctx() ctx: Context, @CurrentViewer() viewer: ViewerModel) {
    const result = await access.logout(ctx.db, viewer);
    return "errors" in result ? { loggedOut: false, userErrors: result.errors } : { loggedOut: true, userErrors: [] };
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [String], {
    description:
      "Every scope an API token can be limited to, `<domain>:read` and `<domain>:write`; a write scope includes its read.",
  })
  apiTokenScopes(): readonly string[] {
    return API_SCOPES;
  }

  @Authorized(...TOKEN_MANAGERS)
  @Query(() => ApiTokenConnection, {
    description: "The API tokens of the caller's organisation (all of them for an admin), newest first.",
  })
  async apiTokens(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: ViewerModel,
  ) {
    const c = await access.listApiTokens(ctx.db, viewer, { ...page, countTotal: asksForTotalCount(info) });
    return mapNodes(c, ApiToken.from);
  }

  @Authorized(...TOKEN_MANAGERS)
  @Mutation(() => CreateApiTokenPayload, {
    description: "Create an API token that acts as the caller. The secret is in the payload, only this once.",
  })
  async createApiToken(
    @Arg("input", () => CreateApiTokenInput, { description: "The token's name." }) input: CreateApiTokenInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: ViewerModel,
  ) {
    const result = await access.createApiToken(ctx.db, viewer, input);
    if ("errors" in result) return { apiToken: null, secret: null, userErrors: result.errors };
    return { apiToken: ApiToken.from(result.ok.token), secret: result.ok.secret, userErrors: [] };
  }

  @Authorized(...TOKEN_MANAGERS)
  @Mutation(() => RevokeApiTokenPayload, { description: "Revoke an API token; it stops working at once." })
  async revokeApiToken(
    @Arg("input", () => RevokeApiTokenInput, { description: "Which token." }) input: RevokeApiTokenInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: ViewerModel,
  ) {
    const result = await access.revokeApiToken(ctx.db, viewer, { apiTokenId: uuidOf(input.apiTokenId, "ApiToken") });
    return payload(result, "apiToken", ApiToken.from);
  }

  @FieldResolver(() => User, { description: "Who created the token; the token acts as this user." })
  async createdBy(@Root() token: ApiToken, @Ctx() ctx: Context) {
    return User.from((await ctx.loaders.user.load(token.createdByUuid))!);
  }
}
