import { JSONObjectResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../shared/errors.js";

@ObjectType({ description: "Result of `personalData`." })
export class PersonalDataPayload {
  @Field(() => JSONObjectResolver, {
    nullable: true,
    description:
      "Everything Trygg holds about the person: account, sessions, API tokens, invitations, reset requests, mails, case messages written and actions done. Null with userErrors.",
  })
  data!: Record<string, unknown> | null;

  @Field(() => [UserError], { description: "NOT_FOUND for a user you may not see, exactly as for a missing one." })
  userErrors!: UserError[];
}
