import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { OneLine } from "../../shared/one-line.js";

/** The contact's fields (decision 0125), the same when an organisation is registered and when it is corrected. */
@InputType({ description: "An organisation's contact: whom to reach about it, apart from its users." })
export class OrganisationContactFields {
  @Field(() => String, {
    nullable: true,
    description:
      "Whom to reach about the organisation: a person, a switchboard or a shared mailbox (at most 200 characters, one line). Empty or null: none (a correction removes the one kept).",
  })
  @MaxLength(200)
  @OneLine()
  contactName?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The contact's e-mail address (INVALID_EMAIL when mail cannot be sent to it). Empty or null: none (a correction removes the one kept).",
  })
  @MaxLength(254)
  @OneLine()
  contactEmail?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The contact's telephone number, 5 to 15 digits with spaces, hyphens, brackets or a leading + (INVALID_PHONE). Empty or null: none (a correction removes the one kept).",
  })
  @MaxLength(40)
  @OneLine()
  contactPhone?: string | null;
}
