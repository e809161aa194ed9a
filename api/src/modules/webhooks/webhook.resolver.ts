import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { badInput } from "../../shared/errors.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import * as webhooks from "./webhook.service.js";
import {
  RedeliverWebhookInput,
  RegisterWebhookEndpointInput,
  WebhookDelivery,
  WebhookDeliveryPayload,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointPayload,
  WebhookSecretPayload,
} from "./webhook.types.js";
import { WEBHOOK_MANAGERS } from "./webhook.roles.js";

/** The most deliveries one read of the log answers. */
const MAX_DELIVERY_LOG = 100;

function withSecret(result: Awaited<ReturnType<typeof webhooks.registerWebhookEndpoint>>) {
  if ("errors" in result) return { webhookEndpoint: null, secret: null, userErrors: result.errors };
  return { webhookEndpoint: WebhookEndpoint.from(result.ok.endpoint), secret: result.ok.secret, userErrors: [] };
}

@Resolver()
export class WebhookResolver {
  @Authorized(...WEBHOOK_MANAGERS)
  @Query(() => [WebhookEndpoint], { description: "The webhook endpoints of the caller's organisation, newest first." })
  async webhookEndpoints(@Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await webhooks.listWebhookEndpoints(ctx.db, viewer)).map(WebhookEndpoint.from);
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Query(() => [WebhookDelivery], {
    nullable: true,
    description: "The delivery log of one of the caller's endpoints, newest first; null for no such endpoint.",
  })
  async webhookDeliveries(
    @Arg("endpointId", () => ID, { description: "The endpoint's id." }) endpointId: string,
    @Arg("first", () => Int, { defaultValue: 30, description: "How many, at most 100." }) first: number,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    // As every list's page size (docs/api-for-partners.md, section 5): out of range is an error, not a silent cap.
    if (first < 0 || first > MAX_DELIVERY_LOG)
      throw badInput(`\`first\` must be between 0 and ${MAX_DELIVERY_LOG}.`, "first");
    const log = await webhooks.webhookDeliveryLog(ctx.db, viewer, uuidOf(endpointId, "WebhookEndpoint"), first);
    return log?.map(WebhookDelivery.from) ?? null;
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSecretPayload, {
    description:
      "Register an HTTPS endpoint for the chosen events. The signing secret is in the answer, only this once.",
  })
  async registerWebhookEndpoint(
    @Arg("input", () => RegisterWebhookEndpointInput, { description: "Address and events." })
    input: RegisterWebhookEndpointInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return withSecret(await webhooks.registerWebhookEndpoint(ctx.db, viewer, input, ctx.app.webhooks));
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSecretPayload, {
    description: "Replace an endpoint's signing secret; the new one is in the answer and signs from now on.",
  })
  async rotateWebhookSecret(
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const id = uuidOf(input.endpointId, "WebhookEndpoint");
    return withSecret(await webhooks.rotateWebhookSecret(ctx.db, viewer, id, ctx.now));
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookEndpointPayload, {
    description: "Enable an endpoint disabled for failing; the events that waited go out.",
  })
  async enableWebhookEndpoint(
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const id = uuidOf(input.endpointId, "WebhookEndpoint");
    return payload(await webhooks.enableWebhookEndpoint(ctx.db, viewer, id), "webhookEndpoint", WebhookEndpoint.from);
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookEndpointPayload, { description: "Remove an endpoint; nothing more is sent to it." })
  async removeWebhookEndpoint(
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const id = uuidOf(input.endpointId, "WebhookEndpoint");
    const result = await webhooks.removeWebhookEndpoint(ctx.db, viewer, id, ctx.now);
    return payload(result, "webhookEndpoint", WebhookEndpoint.from);
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookDeliveryPayload, {
    description: "Send a delivery again now (same webhook-id), with a fresh round of retries.",
  })
  async redeliverWebhook(
    @Arg("input", () => RedeliverWebhookInput, { description: "Which delivery." }) input: RedeliverWebhookInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const id = uuidOf(input.deliveryId, "WebhookDelivery");
    const result = await webhooks.redeliverWebhook(ctx.db, viewer, id, ctx.now);
    return payload(result, "webhookDelivery", WebhookDelivery.from);
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookDeliveryPayload, { description: "Send a `webhook.test` event to one endpoint now." })
  async sendTestWebhook(
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const id = uuidOf(input.endpointId, "WebhookEndpoint");
    const result = await webhooks.sendTestWebhook(ctx.db, viewer, id, ctx.now);
    return payload(result, "webhookDelivery", WebhookDelivery.from);
  }
}
