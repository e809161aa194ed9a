import { Length, Max, MaxLength, Min } from "class-validator";
import { NonNegativeIntResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { OneLine } from "../../shared/one-line.js";
import { OrganisationContactFields } from "./organisation-contact.inputs.js";
import { PayloadType } from "../../shared/payload.js";
import { Organisation, Property } from "./party.types.js";

const EXPECTED_VERSION =
  "The `version` you read the record at; STALE_VERSION (nothing written) when someone changed it since.";

@InputType({ description: "Correct an organisation's record. Omitted fields stay as they are." })
export class UpdateOrganisationInput extends OrganisationContactFields {
  @Field(() => ID, { description: "The organisation." })
  organisationId!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "Registered name (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Swedish organisation number, with or without hyphen; checked with its check digit (INVALID_ORGANISATION_NUMBER, ORGANISATION_NUMBER_TAKEN).",
  })
  @MaxLength(20)
  organisationNumber?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "A customer association's annual-meeting month (1–12): its admins are asked after it each year whether the board in Trygg is right. Null clears it; NOT_A_CUSTOMER for a partner or the vendor.",
  })
  @Min(1)
  @Max(12)
  annualMeetingMonth?: number | null;
}

@InputType({ description: "Correct a property's record. Omitted fields stay as they are." })
export class UpdatePropertyInput {
  @Field(() => ID, { description: "The property." })
  propertyId!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "Name or designation (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Street address (1–200 characters, one line)." })
  @Length(1, 200)
  @OneLine()
  streetAddress?: string | null;

  @Field(() => String, { nullable: true, description: "Swedish postal code, five digits (INVALID_POSTAL_CODE)." })
  @MaxLength(10)
  @OneLine()
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: "City (1–100 characters, one line)." })
  @Length(1, 100)
  @OneLine()
  city?: string | null;

  @Field(() => NonNegativeIntResolver, {
    nullable: true,
    description:
      "Number of apartments. A signed agreement keeps its price: none is stored per apartment; the change is audited with the agreements that cover the property.",
  })
  apartments?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: "The partner that installed the system (NOT_FOUND, NOT_A_PARTNER); null removes it; omitted keeps it.",
  })
  installerId?: string | null;
}

export const UpdateOrganisationPayload = PayloadType(
  "UpdateOrganisationPayload",
  "organisation",
  Organisation,
  "corrected organisation",
);
export const UpdatePropertyPayload = PayloadType("UpdatePropertyPayload", "property", Property, "corrected property");
