import { ArrayMaxSize, Length } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { webhookDeliveryState } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { UserError } from "../../shared/errors.js";
import { toGlobalId } from "../../shared/ids.js";
import { OneLine } from "../../shared/one-line.js";
import { PayloadType } from "../../shared/payload.js";
import { WebhookEventTypeEnum, type WebhookEventType } from "./webhook-event-types.js";
import type { LoggedDelivery, WebhookAttemptRow, WebhookEndpointRow } from "./webhook.service.js";

export const WebhookDeliveryState = graphqlEnum(webhookDeliveryState.enumValues, {
  name: "WebhookDeliveryState",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Not yet answered with 2xx; the next attempt is at `nextAttemptAt`." },
    SUCCEEDED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Every attempt failed; `redeliverWebhook` tries again." },
  },
});

@ObjectType({ description: "A partner's HTTPS endpoint that Trygg sends signed events to (Standard Webhooks)." })
export class WebhookEndpoint {
  @Field(() => ID, { description: "The endpoint's id." })
  id!: string;

  @Field(() => String, { description: "Where events are POSTed." })
  url!: string;

  @Field(() => String, { description: "What the endpoint is, in the partner's words." })
  description!: string;

  @Field(() => [WebhookEventTypeEnum], { description: "The events sent to it." })
  eventTypes!: WebhookEventType[];

  @Field(() => DateTimeResolver, { description: "When it was registered." })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the signing secret was last replaced." })
  secretRotatedAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Since when every attempt has failed; null after a success. Failing too long disables it.",
  })
  failingSince!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When it was disabled for failing; events wait until `enableWebhookEndpoint`.",
  })
  disabledAt!: Date | null;

  static from(row: WebhookEndpointRow): WebhookEndpoint {
    return Object.assign(new WebhookEndpoint(), {
      id: toGlobalId("WebhookEndpoint", row.id),
      url: row.url,
      description: row.description,
      eventTypes: row.eventTypes,
      createdAt: row.createdAt,
      secretRotatedAt: row.secretRotatedAt,
      failingSince: row.failingSince,
      disabledAt: row.disabledAt,
    });
  }
}

@ObjectType({ description: "One HTTP attempt of a delivery, as the receiver answered it." })
export class WebhookAttempt {
  @Field(() => DateTimeResolver, { description: "When it was made." })
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The HTTP status; null when no answer came." })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: "The start of the answer's body (at most 2048 bytes)." })
  responseBody!: string | null;

  @Field(() => String, { nullable: true, description: "Why no answer came: timeout, refused address, network." })
  error!: string | null;

  @Field(() => Int, { description: "How long it took, in milliseconds." })
  durationMs!: number;

  static from(row: WebhookAttemptRow): WebhookAttempt {
    return Object.assign(new WebhookAttempt(), row);
  }
}

@ObjectType({ description: "One event for one endpoint, with its attempts: a line of the delivery log." })
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's id, for `redeliverWebhook`." })
  id!: string;

  @Field(() => String, { description: "The `webhook-id` header: the same on every attempt and redelivery." })
  webhookId!: string;

  @Field(() => WebhookEventTypeEnum, { description: "What the event tells of." })
  eventType!: WebhookEventType;

  @Field(() => DateTimeResolver, { description: "When the change happened." })
  occurredAt!: Date;

  @Field(() => WebhookDeliveryState, { description: "Where the delivery stands." })
  state!: WebhookDeliveryState;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it next goes out, while PENDING." })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the receiver answered 2xx." })
  deliveredAt!: Date | null;

  @Field(() => [WebhookAttempt], { description: "Its attempts, newest first." })
  attempts!: WebhookAttempt[];

  static from(l: LoggedDelivery): WebhookDelivery {
    return Object.assign(new WebhookDelivery(), {
      id: toGlobalId("WebhookDelivery", l.delivery.id),
      webhookId: `msg_${l.event.id}`,
      eventType: l.event.type,
      occurredAt: l.event.occurredAt,
      state: l.delivery.state,
      nextAttemptAt: l.delivery.state === "PENDING" ? l.delivery.nextAttemptAt : null,
      deliveredAt: l.delivery.deliveredAt,
      attempts: l.attempts.map(WebhookAttempt.from),
    });
  }
}
export type WebhookDeliveryState = (typeof WebhookDeliveryState)[keyof typeof WebhookDeliveryState];

@InputType({ description: "A new webhook endpoint." })
export class RegisterWebhookEndpointInput {
  @Field(() => String, { description: "The https:// address to POST events to; it must resolve to public addresses." })
  @Length(1, 2000)
  @OneLine()
  url!: string;

  @Field(() => String, { nullable: true, description: "What it is, e.g. the partner's system's name." })
  @Length(0, 200)
  @OneLine()
  description?: string | null;

  @Field(() => [WebhookEventTypeEnum], { description: "The events to send to it; at least one (NO_WEBHOOK_EVENTS)." })
  // An empty list breaks a rule of the domain: the service answers NO_WEBHOOK_EVENTS, a userError, not a bare error.
  @ArrayMaxSize(20)
  eventTypes!: WebhookEventType[];
}

@InputType({ description: "Which endpoint." })
export class WebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint's id." })
  endpointId!: string;
}

@InputType({ description: "Which delivery to send again." })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: "The delivery's id (from the delivery log)." })
  deliveryId!: string;
}

@ObjectType({ description: "Result of `registerWebhookEndpoint` and `rotateWebhookSecret`." })
export class WebhookSecretPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: "The endpoint; null when userErrors is not empty." })
  webhookEndpoint!: WebhookEndpoint | null;

  @Field(() => String, {
    nullable: true,
    description: "The signing secret, `whsec_…`: shown only in this answer; keep it in the receiver.",
  })
  secret!: string | null;

  @Field(() => [UserError], { description: "What was wrong; empty on success. When not empty, nothing was written." })
  userErrors!: UserError[];
}

export const WebhookEndpointPayload = PayloadType(
  "WebhookEndpointPayload",
  "webhookEndpoint",
  WebhookEndpoint,
  "webhook endpoint",
);
export const WebhookDeliveryPayload = PayloadType(
  "WebhookDeliveryPayload",
  "webhookDelivery",
  WebhookDelivery,
  "delivery, with its log",
);
