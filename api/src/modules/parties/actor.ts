import { Field, ObjectType } from "type-graphql";
import type { Context } from "../../context.js";
import { nameFor } from "./user-anonymisation.js";

/**
 * The one limited view of a person who did something (history, audit, case messages, visit
 * protocols), for anyone who may see the thing done: see `shared/scope.ts`. Its GraphQL name is
 * `SupportCaseActor` because support cases used it first and the contract only grows.
 */
@ObjectType("SupportCaseActor", {
  description:
    "Who did something: a name and an organisation name, never the full user of another tenant. Used by every history, audit, case and protocol field.",
})
export class Actor {
  @Field(() => String, {
    description:
      'The person\'s name; a former user\'s in the caller\'s language ("före detta användare", "former user").',
  })
  name!: string;

  @Field(() => String, { description: "Their organisation's name." })
  organisationName!: string;

  @Field(() => Boolean, {
    description:
      "An anonymised former user (decision 0086): `name` names no one, in the language of the caller's user.",
  })
  formerUser!: boolean;
}

/** The language of the caller's own user, which the names of former users are worded in; Swedish without one. */
export async function readerLanguage(ctx: Context) {
  const reader = ctx.viewer ? await ctx.loaders.user.load(ctx.viewer.userId) : null;
  return reader?.language ?? "SV";
}

/** The actor behind a user id; null for the system (no user). */
export async function actorOf(ctx: Context, userId: string | null): Promise<Actor | null> {
  const user = userId ? await ctx.loaders.user.load(userId) : null;
  if (!user) return null;
  const [org, language] = await Promise.all([ctx.loaders.organisation.load(user.organisationId), readerLanguage(ctx)]);
  return Object.assign(new Actor(), {
    name: nameFor(language, user.name, user.anonymisedAt !== null),
    organisationName: org?.name ?? "",
    formerUser: user.anonymisedAt !== null,
  });
}
