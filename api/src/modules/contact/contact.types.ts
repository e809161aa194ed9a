import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { toGlobalId } from "../../shared/ids.js";
import { UserError } from "../../shared/errors.js";
import { PayloadType } from "../../shared/payload.js";
import { SupportCaseCategory } from "../support/index.js";
import { ContactRequestKind } from "./contact.enums.js";
import type { ContactRequestRow } from "./contact-request.service.js";

@ObjectType({
  description:
    "A request from the public contact page by someone without an account: help (support's) or an agreement (the sellers'). Vendor staff only.",
})
export class ContactRequest {
  /** Database id of the linked organisation, for the field resolver; not part of the schema. */
  organisationUuid!: string | null;

  /** Database id of the support case a help request became, for the field resolver. */
  supportCaseUuid!: string | null;

  @Field(() => ID, { description: "Global id." })
  id!: string;

  @Field(() => ContactRequestKind, { description: "Help or an agreement." })
  kind!: ContactRequestKind;

  @Field(() => String, { description: "The sender's name." })
  name!: string;

  @Field(() => String, { description: "The sender's e-mail address (the receipt went there)." })
  email!: string;

  @Field(() => String, { nullable: true, description: "The sender's telephone number, when given." })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "The organisation as the sender named it." })
  organisationName!: string | null;

  @Field(() => String, { nullable: true, description: "The organisation number as the sender gave it." })
  organisationNumber!: string | null;

  @Field(() => String, { description: "What the sender wrote." })
  message!: string;

  @Field(() => Boolean, {
    description: "The sender said the whole system is down (help requests): its case is SYSTEM_DOWN, else QUESTION.",
  })
  systemDown!: boolean;

  @Field(() => DateTimeResolver, { description: "When it was received." })
  receivedAt!: Date;

  @Field(() => DateTimeResolver, { description: "The answer time promised in the receipt." })
  answerDueAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When staff linked it to an organisation." })
  linkedAt!: Date | null;

  static from(row: ContactRequestRow): ContactRequest {
    return Object.assign(new ContactRequest(), {
      id: toGlobalId("ContactRequest", row.id),
      organisationUuid: row.organisationId,
      supportCaseUuid: row.supportCaseId,
      systemDown: row.systemDown,
      kind: row.kind,
      name: row.name,
      email: row.email,
      phone: row.phone,
      organisationName: row.organisationName,
      organisationNumber: row.organisationNumber,
      message: row.message,
      receivedAt: row.receivedAt,
      answerDueAt: row.answerDueAt,
      linkedAt: row.linkedAt,
    });
  }
}

@ObjectType({ description: "A page of contact requests." })
export class ContactRequestConnection extends ConnectionType(ContactRequest, "ContactRequest", "contact request") {}

@InputType({ description: "Narrow the contact requests." })
export class ContactRequestFilter {
  @Field(() => ContactRequestKind, { nullable: true, description: "Only this kind." })
  kind?: ContactRequestKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only those linked to an organisation; false: only those waiting to be linked.",
  })
  linked?: boolean | null;
}

@InputType({
  description:
    "A request from the public contact page. Needs no log-in; limited per network address and per e-mail address.",
})
export class SendContactRequestInput {
  @Field(() => ContactRequestKind, { description: "Help, or to be contacted about an agreement." })
  kind!: ContactRequestKind;

  @Field(() => String, { description: "Your name (at most 200 characters)." })
  name!: string;

  @Field(() => String, { description: "Your e-mail address: the receipt and the answer go there." })
  email!: string;

  @Field(() => String, { nullable: true, description: "A telephone number (at most 40 characters)." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Your BRF or company (at most 200 characters)." })
  organisationName?: string | null;

  @Field(() => String, { nullable: true, description: "Its organisation number, if you know it." })
  organisationNumber?: string | null;

  @Field(() => String, { description: "What you need (at most 4000 characters)." })
  message!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Help requests: the whole system is down (no door opens, nobody gets in). Sets the answer time and the case's severity; ignored for agreement requests.",
  })
  systemDown?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Leave empty. A field the page hides from people: a request that fills it is dropped unanswered.",
  })
  website?: string | null;
}

@ObjectType({ description: "Result of `sendContactRequest`." })
export class SendContactRequestPayload {
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When support or a seller answers at the latest; null when userErrors is not empty.",
  })
  answerDueAt!: Date | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success. When not empty, nothing was sent." })
  userErrors!: UserError[];
}

@InputType({ description: "Link a contact request to an organisation Trygg already has." })
export class LinkContactRequestInput {
  @Field(() => ID, { description: "The contact request." })
  id!: string;

  @Field(() => ID, { description: "The organisation." })
  organisationId!: string;

  @Field(() => SupportCaseCategory, {
    nullable: true,
    description:
      "For a help request: what it is about, as the customer would choose when opening a case; it routes the case by the same rule (programming and daily operation to the customer's installer). Default OTHER: the vendor's support.",
  })
  category?: SupportCaseCategory | null;

  @Field(() => ID, {
    nullable: true,
    description: "For a help request: the customer's property it is about, whose installer answers when routed to one.",
  })
  propertyId?: string | null;
}

@InputType({ description: "Register the sender's organisation as a new customer and link the request to it." })
export class RegisterCustomerFromContactRequestInput {
  @Field(() => ID, { description: "The contact request." })
  id!: string;

  @Field(() => String, { description: "The customer's name." })
  name!: string;

  @Field(() => String, { description: "Its organisation number (NNNNNN-NNNN)." })
  organisationNumber!: string;
}

export const LinkContactRequestPayload = PayloadType(
  "LinkContactRequestPayload",
  "contactRequest",
  ContactRequest,
  "contact request",
);

export const RegisterCustomerFromContactRequestPayload = PayloadType(
  "RegisterCustomerFromContactRequestPayload",
  "contactRequest",
  ContactRequest,
  "contact request, linked to the new customer",
);
