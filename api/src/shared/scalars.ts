import { GraphQLError, GraphQLScalarType, type ValueNode } from "graphql";
import { LocalDateResolver, SafeIntResolver } from "graphql-scalars";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { Min } from "class-validator";

/**
 * The contract's `Date`: an ISO calendar date, YYYY-MM-DD, in and out as a string. graphql-scalars'
 * own DateResolver turns values into JavaScript Dates (with a time zone to get wrong), so we take
 * its LocalDate rules under the contract's name.
 */
const localDate = LocalDateResolver.toConfig();

/** The one date range Trygg accepts: wide enough for any agreement, narrow enough for PostgreSQL and sorting. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

function inRange(value: string): string {
  const year = Number(value.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new GraphQLError(`Date ${value} is outside ${FIRST_YEAR}-01-01 … ${LAST_YEAR}-12-31.`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: "Date",
  description: `A calendar date, ISO 8601 YYYY-MM-DD, in Swedish time (Europe/Stockholm), between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31.`,
  parseValue: (value: unknown) => inRange(localDate.parseValue!(value) as string),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    inRange(localDate.parseLiteral!(ast, variables) as string),
  // Dates going out come from PostgreSQL `date` columns, valid calendar dates already; LocalDate's
  // full check builds a Date and an ISO string per value (5 % of the partner query's CPU). What
  // callers send is still checked in full by parseValue and parseLiteral.
  serialize: (value) => (typeof value === "string" && ISO_DATE.test(value) ? value : localDate.serialize(value)),
});

@ObjectType({ simpleResolvers: true, description: "An amount of money in minor units (öre for SEK)." })
export class Money {
  @Field(() => Int, { description: "The amount in minor units: 12 345 öre is 123,45 kr." })
  amountMinor!: number;

  @Field(() => String, { description: "ISO 4217 currency code; SEK." })
  currency!: string;

  // A plain object: Money is never reached through an interface or union, so nothing needs its class.
  static of(amountMinor: number, currency = "SEK"): Money {
    return { amountMinor, currency };
  }
}

/**
 * A sum of many amounts: what a vendor's whole book is worth passes `Money`'s 32-bit Int (21 474 836,47 kr), which
 * one agreement is kept under (decision 0098). A separate type, so `Money` stays as partners use it (decision 0133).
 */
@ObjectType({
  simpleResolvers: true,
  description:
    "A total of many amounts in minor units, which may pass what `Money` holds: `amountMinor` is a whole number up to 2^53 − 1 (90 071 992 547 409,91 kr), sent as a JSON number.",
})
export class MoneyTotal {
  @Field(() => SafeIntResolver, { description: "The amount in minor units: 12 345 öre is 123,45 kr." })
  amountMinor!: number;

  @Field(() => String, { description: "ISO 4217 currency code; SEK." })
  currency!: string;

  static of(amountMinor: number, currency = "SEK"): MoneyTotal {
    return { amountMinor, currency };
  }
}

@InputType({ description: "An amount of money in minor units." })
export class MoneyInput {
  @Field(() => Int, { description: "The amount in minor units (öre), zero or more." })
  @Min(0)
  amountMinor!: number;

  @Field(() => String, { defaultValue: "SEK", description: "ISO 4217 currency code; only SEK is accepted." })
  currency!: string;
}
