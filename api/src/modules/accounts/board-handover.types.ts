import { Length } from "class-validator";
import { EmailAddressResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { OneLine } from "../../shared/one-line.js";

@InputType({ description: "Hand your organisation's account over to a new board: the successor is invited as admin." })
export class StartBoardHandoverInput {
  @Field(() => String, { description: "The successor's full name (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name!: string;

  @Field(() => EmailAddressResolver, { description: "Where the successor's invitation is sent." })
  email!: string;

  @Field(() => Boolean, {
    description:
      "Whether you leave (are deactivated) once the successor has accepted; until then you stay, as the last admin always does.",
  })
  leave!: boolean;
}

@InputType({ description: "The vendor recovers a board left without a reachable admin." })
export class RecoverBoardAdminInput {
  @Field(() => ID, { description: "The customer or partner organisation." })
  organisationId!: string;

  @Field(() => String, { description: "The new admin's full name (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name!: string;

  @Field(() => EmailAddressResolver, { description: "Where the new admin's invitation is sent." })
  email!: string;

  @Field(() => String, {
    description:
      "Why the vendor steps in and how the new board was verified (10–1000 characters); kept in the audit trail. RECOVERY_REASON_REQUIRED when shorter.",
  })
  @Length(0, 1000)
  reason!: string;

  @Field(() => Boolean, {
    description: "Whether the organisation's present admins are deactivated once the new admin has accepted.",
  })
  replaceAdmins!: boolean;
}
