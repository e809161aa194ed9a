import { GraphQLError } from "graphql";
import { Field, ObjectType } from "type-graphql";

@ObjectType({
  description: "A broken rule of the domain or invalid input. Nothing was written when a payload carries one.",
})
export class UserError {
  @Field(() => String, {
    description: "Stable SCREAMING_SNAKE_CASE code that clients may switch on, e.g. HANTERA_QUOTA_REACHED.",
  })
  code!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "organisationNumber"].',
  })
  field?: string[] | null;

  @Field(() => String, { description: "A human-readable explanation, in English." })
  message!: string;
}

export type Result<T> = { ok: T } | { errors: UserError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: value };
}

export function userError(code: string, message: string, field?: string[]): { errors: UserError[] } {
  return { errors: [Object.assign(new UserError(), { code, message, field: field ?? null })] };
}

/**
 * Thrown when the caller may not do something at all (as opposed to a broken domain rule, which is
 * a userError). Plain errors, so services stay free of GraphQL; the server maps them to
 * `extensions.code` FORBIDDEN / UNAUTHENTICATED.
 */
export class Forbidden extends Error {
  readonly code = "FORBIDDEN";
  constructor(message = "You are not allowed to do this.") {
    super(message);
  }
}

export class Unauthenticated extends Error {
  readonly code = "UNAUTHENTICATED";
  constructor(message = "Log in, or send a valid API token as Authorization: Bearer <token>.") {
    super(message);
  }
}

export function forbidden(message?: string): Forbidden {
  return new Forbidden(message);
}

export function unauthenticated(message?: string): Unauthenticated {
  return new Unauthenticated(message);
}

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) } });
}
