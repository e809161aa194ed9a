import { Length } from "class-validator";
import { OneLine } from "../../shared/one-line.js";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { apiTokens } from "../../db/schema/index.js";
import { ConnectionType } from "../../shared/connection.js";
import { UserError } from "../../shared/errors.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { Organisation, User } from "../parties/index.js";
import { Node } from "../../shared/node.js";
import { SECTIONS } from "./viewer-sections.js";

export const Section = graphqlEnum(SECTIONS, {
  name: "Section",
  description: "A part of Trygg a user works in; `Viewer.sections` lists those the caller may use.",
  valuesConfig: {
    DASHBOARD: { description: "The start page: who one is and what waits." },
    AGREEMENTS: { description: "Agreements the caller may see." },
    ORGANISATIONS: { description: "Organisations: for vendor staff and partners, who serve many." },
    PROPERTIES: { description: "Properties the caller may see." },
    API_TOKENS: { description: "The organisation's API tokens (admins and partner admins)." },
    PROPOSALS: {
      description:
        "Agreement proposals: a partner admin proposes for its customers, the seller activates or declines, the customer's admin follows.",
    },
    PROPOSING: {
      description: "Proposing an agreement for one of one's customers (partner admins; shown on the proposals).",
    },
    PROPOSAL_DECIDING: {
      description: "Activating or declining a partner's proposal (sellers and admins; shown on the proposals).",
    },
    WEBHOOKS: { description: "The partner's webhook endpoints and their delivery log (partner admins)." },
    VISIT_BOOKING: {
      description: "Booking a support visit or proposing times for one (the vendor's sellers, support and admins).",
    },
    WORKLIST: {
      description:
        "Tailorings waiting on the vendor (sellers and admins) or on the customer (customer admins); for partner staff, their action items and outdated installations.",
    },
    VISITS: { description: "The calendar of annual support visits of the agreements the caller may see." },
    AUDIT: { description: "The audit trail (admins)." },
    SUPPORT: { description: "Support: opening hours, opening a case, the organisation's cases (every role)." },
    SUPPORT_QUEUE: { description: "The queue of support cases to answer (vendor support, admins and partners)." },
    CONTACT_REQUESTS: {
      description:
        "Requests from the public contact page, to link to an organisation: help for vendor support, agreement leads for sellers.",
    },
    SUPPORT_CALENDAR: {
      description: "The support calendar ahead: hours, holidays, closed days (vendor support, admins).",
    },
    SUPPORT_CALENDAR_KEEPING: {
      description: "Closing a day or changing its hours, with the deadlines it moves (admins; shown on the calendar).",
    },
    PRICE_LIST: { description: "The price list and each item's price history (vendor sellers and admins)." },
    PRICE_LIST_KEEPING: { description: "Setting a new list price from a date (admins; shown on the price list)." },
    MONITORING: { description: "Systemövervakning: each installation's checks, uptime and incidents." },
    MONITORING_BOARD: { description: "The monitoring board: checks down, late or paused across customers (support)." },
    ADMINISTRATION: {
      description: "Onboarding: customers and their properties (vendor admins and sellers), more for admins.",
    },
    REGISTERING_ANY_ORGANISATION: {
      description: "Registering partners and vendor organisations too, not only customers (admins; on onboarding).",
    },
    RELEASE_PUBLISHING: { description: "Publishing a product release (admins and support; on onboarding)." },
    USERS: { description: "The users of the caller's organisation (any organisation for vendor admins)." },
    EMAIL_OUTBOX: {
      description: "The e-mail outbox: mail that failed to send, to look at and send again (vendor admins).",
    },
    LOGIN_LOCKOUTS: {
      description: "Users the log-in limits refuse right now, to unlock (vendor admins; shown with the users).",
    },
  },
});
export type Section = (typeof Section)[keyof typeof Section];

@ObjectType({ description: "Who is calling: the user and the organisation the user belongs to." })
export class Viewer {
  @Field(() => User, { description: "The user behind the session or API token." })
  user!: User;

  @Field(() => Organisation, { description: "The user's organisation." })
  organisation!: Organisation;

  @Field(() => String, { description: "SESSION for a log-in, API_TOKEN for a partner's token." })
  authenticatedWith!: "SESSION" | "API_TOKEN";

  @Field(() => [Section], {
    description: "The parts of Trygg the caller may use, in menu order: what a client shows in its navigation.",
  })
  sections!: Section[];

  @Field(() => Boolean, { description: "Whether the caller may create agreements (sellers and admins)." })
  viewerCanCreateAgreements!: boolean;
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

  @Field(() => [UserError], {
    description:
      "INVALID_CREDENTIALS (also for a deactivated user); empty on success. Too many attempts answer the GraphQL error TOO_MANY_REQUESTS (HTTP 429) with extensions.retryAfterSeconds.",
  })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of `logout`." })
export class LogoutPayload {
  @Field(() => Boolean, { description: "True when the session was ended." })
  loggedOut!: boolean;

  @Field(() => [UserError], { description: "What was wrong; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({
  implements: Node,
  description: "A partner's API token. The secret is shown once, at creation, and stored only as a hash.",
})
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

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When it stops working; null when it works until revoked.",
  })
  expiresAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When it was revoked (or its user deactivated); a revoked token no longer works.",
  })
  revokedAt!: Date | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "What the token may do, e.g. `cases:write` (see `apiTokenScopes`); null is full access, as for every token made without scopes.",
  })
  scopes!: string[] | null;

  static from(row: typeof apiTokens.$inferSelect): ApiToken {
    return Object.assign(new ApiToken(), {
      id: toGlobalId("ApiToken", row.id),
      uuid: row.id,
      createdByUuid: row.createdById,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
      scopes: row.scopes,
    });
  }
}

export const ApiTokenConnection = ConnectionType(ApiToken, "ApiToken", "API token");

@InputType({ description: "Create an API token for the caller's organisation." })
export class CreateApiTokenInput {
  @Field(() => String, {
    description: 'Where the token will be used, e.g. "Our CRM integration" (1–100 characters, one line).',
  })
  @Length(1, 100)
  @OneLine()
  name!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "When the token stops working: in the future and at most 366 days away (INVALID_EXPIRY otherwise). Leave it out for a token that works until revoked.",
  })
  expiresAt?: Date | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Limit the token to these scopes (`apiTokenScopes` lists them; every `:read` one makes a read-only token). A field outside them answers FORBIDDEN with `extensions.missingScope`. Leave it out for full access. INVALID_SCOPE for an unknown or empty list; SCOPE_NOT_HELD when a limited token asks for more than it holds.",
  })
  scopes?: string[] | null;
}

@ObjectType({ description: "Result of `createApiToken`." })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "The new token." })
  apiToken!: ApiToken | null;

  @Field(() => String, {
    nullable: true,
    description: "The secret to send as `Authorization: Bearer <secret>`. Shown only this once.",
  })
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
