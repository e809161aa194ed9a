import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { emailState } from "../../db/schema/index.js";
import { ConnectionType } from "../../shared/connection.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import type { EmailRow } from "./outbox.service.js";

export const EmailState = graphqlEnum(emailState.enumValues, {
  name: "EmailState",
  description: "Where an outgoing e-mail stands.",
  valuesConfig: {
    PENDING: { description: "Waiting to be sent, or to be tried again after a failure." },
    SENT: { description: "Taken by the mail server." },
    FAILED: { description: "Every attempt failed; kept for a person to look at and send again." },
  },
});
export type EmailState = keyof typeof EmailState;

@ObjectType({ description: "An e-mail in the outbox (admins only): to whom, what, and how its delivery went." })
export class EmailMessage {
  @Field(() => ID, { description: "Global id, for `retryEmail`." })
  id!: string;

  @Field(() => String, { description: "The recipient's address." })
  to!: string;

  @Field(() => String, { description: "The subject line." })
  subject!: string;

  @Field(() => EmailState, { description: "Pending, sent or failed." })
  state!: EmailState;

  @Field(() => Int, { description: "Delivery attempts in the current round." })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: "What the mail server (or the connection) said at the last failure.",
  })
  lastError!: string | null;

  @Field(() => DateTimeResolver, { description: "When it was queued." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the mail server took it." })
  sentAt!: Date | null;

  @Field(() => DateTimeResolver, { description: "When a sender may try it next (pending mail)." })
  nextAttemptAt!: Date;

  static from(r: EmailRow): EmailMessage {
    return Object.assign(new EmailMessage(), {
      id: toGlobalId("EmailMessage", r.id),
      to: r.toAddress,
      subject: r.subject,
      state: r.state,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
      nextAttemptAt: r.nextAttemptAt,
    });
  }
}

export const EmailMessageConnection = ConnectionType(EmailMessage, "EmailMessage", "e-mail");

@InputType({ description: "Filter for `emails`." })
export class EmailFilter {
  @Field(() => [EmailState], { nullable: true, description: "Only e-mails in these states." })
  state?: EmailState[] | null;
}

@InputType({ description: "Send a failed e-mail again." })
export class RetryEmailInput {
  @Field(() => ID, { description: "The e-mail (its state must be FAILED)." })
  emailId!: string;
}

export const RetryEmailPayload = PayloadType("RetryEmailPayload", "email", EmailMessage, "e-mail, pending again");
