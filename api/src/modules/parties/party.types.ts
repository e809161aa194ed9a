import { organisationKind, role, tierCode, userLanguage } from "../../db/schema/index.js";
import { MaxLength } from "class-validator";
import { EmailAddressResolver, DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { organisations, properties, tiers, users } from "../../db/schema/index.js";
import { ConnectionType } from "../../shared/connection.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { Node } from "../../shared/node.js";

export const OrganisationKind = graphqlEnum(organisationKind.enumValues, {
  name: "OrganisationKind",
  description: "What part an organisation plays.",
  valuesConfig: {
    VENDOR: { description: "The maker of the systems; owns agreements and runs support." },
    PARTNER: { description: "A security supplier, reseller or installer; usually signs agreements for customers." },
    CUSTOMER: { description: "A property owner: a large owner, a housing cooperative (BRF) or a private landlord." },
  },
});
export type OrganisationKind = (typeof OrganisationKind)[keyof typeof OrganisationKind];

export const Language = graphqlEnum(userLanguage.enumValues, {
  name: "Language",
  description: "The language a user reads Trygg in: the portal, the e-mails sent to them and their visit protocols.",
  valuesConfig: {
    SV: { description: "Swedish, the default." },
    EN: { description: "English." },
  },
});
export type Language = keyof typeof Language;

export const Role = graphqlEnum(role.enumValues, {
  name: "Role",
  description: "What a user may do. Vendor roles: ADMIN, SELLER, SUPPORT; partner: PARTNER_*; customer: CUSTOMER_*.",
  valuesConfig: {
    ADMIN: { description: "Vendor administrator: sees and manages everything." },
    SELLER: { description: "Vendor seller: runs agreements and the tailoring workflow." },
    SUPPORT: { description: "Vendor support technician: answers cases and performs annual visits." },
    PARTNER_ADMIN: { description: "Partner administrator: manages the partner's users and API tokens." },
    PARTNER_STAFF: { description: "Partner staff: reads and acts on the partner's customers." },
    CUSTOMER_ADMIN: { description: "Customer administrator: manages Hantera accounts, rentals and the action plan." },
    CUSTOMER_MEMBER: { description: "Customer member: reads only." },
  },
});
export type Role = (typeof Role)[keyof typeof Role];

export const TierCode = graphqlEnum(tierCode.enumValues, {
  name: "TierCode",
  description: "The two support agreements.",
  valuesConfig: {
    PLUS_500: { description: "500+: for large property owners with many apartments." },
    BRF: { description: "BRF: for small housing cooperatives and private landlords." },
  },
});
export type TierCode = (typeof TierCode)[keyof typeof TierCode];

@ObjectType({
  simpleResolvers: true,
  description:
    "Whom to reach about an organisation, kept apart from its users (who change): a person, a switchboard or a shared mailbox.",
})
export class OrganisationContact {
  @Field(() => String, { nullable: true, description: "A name: a person's, or a role's such as the board." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "E-mail address." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "Telephone number, as written." })
  phone!: string | null;
}

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A company or cooperative: the vendor, a partner or a customer.",
})
export class Organisation extends Node {
  /** Database id, for resolvers; not part of the schema. */
  uuid!: string;

  /** The partner that registered this customer (decision 0082), for who administers it; not in the schema. */
  registeredByPartnerId!: string | null;

  @Field(() => OrganisationKind, { description: "Vendor, partner or customer." })
  kind!: OrganisationKind;

  @Field(() => String, { description: "Registered name." })
  name!: string;

  @Field(() => String, { description: "Swedish organisation number, formatted NNNNNN-NNNN." })
  organisationNumber!: string;

  @Field(() => Int, {
    description: "Increases with every correction; send it as expectedVersion to updateOrganisation.",
  })
  version!: number;

  @Field(() => DateTimeResolver, { description: "When it was registered in Trygg." })
  createdAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description:
      "A customer association's annual-meeting month (1–12), if it has said: the yearly board check follows it.",
  })
  annualMeetingMonth!: number | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When a vendor admin deactivated it (deactivateOrganisation); null while it is active.",
  })
  deactivatedAt!: Date | null;

  @Field(() => OrganisationContact, {
    nullable: true,
    description: "Whom to reach about it, corrected with updateOrganisation; null when none is kept.",
  })
  contact!: OrganisationContact | null;

  static from(row: typeof organisations.$inferSelect): Organisation {
    return Object.assign(new Organisation(), {
      id: toGlobalId("Organisation", row.id),
      uuid: row.id,
      registeredByPartnerId: row.registeredByPartnerId,
      kind: row.kind as OrganisationKind,
      name: row.name,
      organisationNumber: row.organisationNumber,
      version: row.version,
      createdAt: row.createdAt,
      annualMeetingMonth: row.annualMeetingMonth,
      deactivatedAt: row.deactivatedAt,
      contact:
        row.contactName || row.contactEmail || row.contactPhone
          ? Object.assign(new OrganisationContact(), {
              name: row.contactName,
              email: row.contactEmail,
              phone: row.contactPhone,
            })
          : null,
    });
  }
}

@ObjectType({ implements: Node, description: "A person who logs in to Trygg." })
export class User extends Node {
  uuid!: string;
  organisationUuid!: string;

  /** The stored name; the `name` field words a former user's in the caller's language (party.resolver.ts). */
  name!: string;

  @Field(() => EmailAddressResolver, { description: "E-mail address, used to log in." })
  email!: string;

  @Field(() => Role, { description: "What the user may do." })
  role!: Role;

  @Field(() => Language, { description: "The language the user reads the portal, e-mails and protocols in." })
  language!: Language;

  @Field(() => DateTimeResolver, { description: "When the user was created." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the user was deactivated (no log-in, sessions and API tokens ended); null while active.",
  })
  deactivatedAt!: Date | null;

  @Field(() => Boolean, {
    description:
      "Anonymised after the retention period (decision 0086): `name` names no one, in the caller's language.",
  })
  formerUser!: boolean;

  @Field(() => Int, { description: "Raised by every change of access; `reactivateUser` names it (STALE_VERSION)." })
  version!: number;

  static from(row: typeof users.$inferSelect): User {
    return Object.assign(new User(), {
      id: toGlobalId("User", row.id),
      uuid: row.id,
      organisationUuid: row.organisationId,
      name: row.name,
      email: row.email,
      role: row.role as Role,
      language: row.language,
      createdAt: row.createdAt,
      deactivatedAt: row.deactivatedAt,
      formerUser: row.anonymisedAt !== null,
      version: row.version,
    });
  }
}

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A multi-dwelling property owned by a customer, where an Aptus system is installed.",
})
export class Property extends Node {
  uuid!: string;
  customerUuid!: string;
  installerUuid!: string | null;

  @Field(() => String, { description: "The property's name, e.g. its designation or a common name." })
  name!: string;

  @Field(() => String, { description: "Street address." })
  streetAddress!: string;

  @Field(() => String, { description: "Postal code, NNN NN." })
  postalCode!: string;

  @Field(() => String, { description: "City." })
  city!: string;

  @Field(() => Int, { description: "Number of apartments; the 500+ price scales with it." })
  apartments!: number;

  @Field(() => Int, { description: "Increases with every correction; send it as expectedVersion to updateProperty." })
  version!: number;

  @Field(() => DateTimeResolver, { description: "When the property was registered." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: "When it was last written." })
  updatedAt!: Date;

  static from(row: typeof properties.$inferSelect): Property {
    return Object.assign(new Property(), {
      id: toGlobalId("Property", row.id),
      uuid: row.id,
      customerUuid: row.customerId,
      installerUuid: row.installerId,
      name: row.name,
      streetAddress: row.streetAddress,
      postalCode: row.postalCode,
      city: row.city,
      apartments: row.apartments,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType({
  simpleResolvers: true,
  description: "A support agreement tier and its benefits. Benefits are data, read from the tiers table.",
})
export class Tier {
  @Field(() => TierCode, { description: "Stable code of the tier." })
  code!: TierCode;

  @Field(() => String, { description: 'Display name, e.g. "500+".' })
  name!: string;

  @Field(() => String, { description: "Who the tier is meant for." })
  description!: string;

  @Field(() => Boolean, {
    description: "An annual on-site support visit, protocolled and sent to the customer, is included.",
  })
  annualVisit!: boolean;

  @Field(() => Int, { description: "Hantera user accounts included without rented licences." })
  includedHanteraAccounts!: number;

  @Field(() => Boolean, { description: "The latest versions of Multi-access, Hantera and Aptusportal are included." })
  latestVersions!: boolean;

  @Field(() => Boolean, { description: "Booking, Hantera and consumption licences may be rented during the period." })
  licenceRentals!: boolean;

  static from(row: typeof tiers.$inferSelect): Tier {
    return Object.assign(new Tier(), { ...row, code: row.code as TierCode });
  }
}

export const OrganisationConnection = ConnectionType(Organisation, "Organisation", "organisation");
export const UserConnection = ConnectionType(User, "User", "user");
export const PropertyConnection = ConnectionType(Property, "Property", "property");

@InputType({ description: "Filter for `organisations`." })
export class OrganisationFilter {
  @Field(() => OrganisationKind, { nullable: true, description: "Only organisations of this kind." })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: "Only names containing this text (case-insensitive)." })
  @MaxLength(200)
  search?: string | null;
}

@InputType({ description: "Filter for `properties`." })
export class PropertyFilter {
  @Field(() => ID, { nullable: true, description: "Only properties of this customer." })
  customerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only names or addresses containing this text (case-insensitive).",
  })
  @MaxLength(200)
  search?: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "Only those written after this instant (`updatedAt`). For an incremental sync: pass the start of the previous sync, less a minute.",
  })
  updatedSince?: Date | null;
}
