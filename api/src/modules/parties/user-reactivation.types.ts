import { Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { PayloadType } from "../../shared/payload.js";
import { User } from "./party.types.js";

@InputType({ description: "Bring a deactivated user back, at the version you read." })
export class ReactivateUserInput {
  @Field(() => ID, { description: "The deactivated user." })
  userId!: string;

  @Field(() => Int, { description: "The user's version you read (`User.version`); STALE_VERSION when it changed." })
  @Min(1)
  expectedVersion!: number;
}

export const ReactivateUserPayload = PayloadType("ReactivateUserPayload", "user", User, "reactivated user");
