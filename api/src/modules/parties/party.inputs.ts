import { IsNotEmpty, Length, MaxLength } from "class-validator";
import { EmailAddressResolver, NonNegativeIntResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../../shared/errors.js";
import { OneLine } from "../../shared/one-line.js";
import { OrganisationContactFields } from "./organisation-contact.inputs.js";
import { Organisation, OrganisationKind, Property, Role, User } from "./party.types.js";

// The inputs and payloads of the parties' mutations; the objects they answer are in party.types.ts.
@InputType({ description: "Register an organisation." })
export class CreateOrganisationInput extends OrganisationContactFields {
  @Field(() => OrganisationKind, { description: "Vendor, partner or customer." })
  kind!: OrganisationKind;

  @Field(() => String, { description: "Registered name (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name!: string;

  @Field(() => String, {
    description: "Swedish organisation number, with or without hyphen; checked with its check digit.",
  })
  @IsNotEmpty()
  @MaxLength(20)
  organisationNumber!: string;
}

@InputType({ description: "Create a user in an organisation." })
export class CreateUserInput {
  @Field(() => ID, { description: "The organisation the user belongs to." })
  organisationId!: string;

  @Field(() => String, { description: "Full name (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name!: string;

  @Field(() => EmailAddressResolver, { description: "E-mail address, unique in Trygg, used to log in." })
  email!: string;

  @Field(() => Role, { description: "Must fit the organisation's kind: vendor, partner or customer roles." })
  role!: Role;

  @Field(() => String, {
    description:
      "Initial password, 12 to 200 characters, not easy to guess (zxcvbn score 3 of 4; not the e-mail or name): PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_WEAK.",
  })
  @MaxLength(500)
  password!: string;
}

@InputType({ description: "Register a property of a customer." })
export class CreatePropertyInput {
  @Field(() => ID, { description: "The customer that owns the property." })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: "The partner that installed the system, if any." })
  installerId?: string | null;

  @Field(() => String, { description: "Name or designation (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name!: string;

  @Field(() => String, { description: "Street address (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  streetAddress!: string;

  @Field(() => String, { description: "Swedish postal code, five digits (NNN NN)." })
  @MaxLength(10)
  @OneLine()
  postalCode!: string;

  @Field(() => String, { description: "City (1–100 characters, one line)." })
  @Length(1, 100)
  @OneLine()
  city!: string;

  @Field(() => NonNegativeIntResolver, { description: "Number of apartments, zero or more." })
  apartments!: number;
}

@ObjectType({ description: "Result of `createOrganisation`." })
export class CreateOrganisationPayload {
  @Field(() => Organisation, {
    nullable: true,
    description: "The new organisation; null when userErrors is not empty.",
  })
  organisation!: Organisation | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of `createUser`." })
export class CreateUserPayload {
  @Field(() => User, { nullable: true, description: "The new user; null when userErrors is not empty." })
  user!: User | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of `createProperty`." })
export class CreatePropertyPayload {
  @Field(() => Property, { nullable: true, description: "The new property; null when userErrors is not empty." })
  property!: Property | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success." })
  userErrors!: UserError[];
}

@InputType({ description: "Deactivate a user: no more log-in, and every session and API token ends at once." })
export class DeactivateUserInput {
  @Field(() => ID, { description: "The user." })
  userId!: string;
}

@InputType({
  description:
    "Give a user another role; their sessions and API tokens end, so the new role applies at the next log-in.",
})
export class ChangeUserRoleInput {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => Role, { description: "Must fit the organisation's kind (ROLE_NOT_ALLOWED_FOR_ORGANISATION)." })
  role!: Role;
}

@ObjectType({ description: "Result of `deactivateUser`." })
export class DeactivateUserPayload {
  @Field(() => User, { nullable: true, description: "The deactivated user; null when userErrors is not empty." })
  user!: User | null;

  @Field(() => [UserError], { description: "NOT_FOUND, ALREADY_DEACTIVATED, LAST_ADMIN; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of `changeUserRole`." })
export class ChangeUserRolePayload {
  @Field(() => User, { nullable: true, description: "The user with the new role; null when userErrors is not empty." })
  user!: User | null;

  @Field(() => [UserError], {
    description: "NOT_FOUND, ROLE_NOT_ALLOWED_FOR_ORGANISATION, ALREADY_DEACTIVATED, LAST_ADMIN; empty on success.",
  })
  userErrors!: UserError[];
}
