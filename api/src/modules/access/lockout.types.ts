import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { PayloadType } from "../../shared/payload.js";
import { User } from "../parties/index.js";

@ObjectType({ description: "A user the log-in limits refuse right now (admins only)." })
export class LoginLockout {
  @Field(() => User, { description: "The user." })
  user!: User;

  @Field(() => DateTimeResolver, { description: "When the limit lets the user try again by itself." })
  lockedUntil!: Date;

  @Field(() => Boolean, {
    description: "Locked from every address (the daily limit), not only from the one the attempts came from.",
  })
  fromEveryAddress!: boolean;
}

@InputType({ description: "Let a locked-out user try to log in again." })
export class UnlockLoginInput {
  @Field(() => ID, { description: "The user." })
  userId!: string;
}

export const UnlockLoginPayload = PayloadType("UnlockLoginPayload", "user", User, "user, free to try again");
