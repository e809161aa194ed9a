import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { Organisation } from "../parties/index.js";
import { SupportCase } from "../support/index.js";
import * as service from "./contact-request.service.js";
import { CONTACT_REQUEST_HANDLERS } from "./contact.roles.js";
import {
  ContactRequest,
  ContactRequestConnection,
  ContactRequestFilter,
  LinkContactRequestInput,
  LinkContactRequestPayload,
  RegisterCustomerFromContactRequestInput,
  RegisterCustomerFromContactRequestPayload,
  SendContactRequestInput,
  SendContactRequestPayload,
} from "./contact.types.js";

/** The public contact page and the staff who link its requests to organisations (decision 0081). */
@Resolver(() => ContactRequest)
export class ContactRequestResolver {
  @Mutation(() => SendContactRequestPayload, {
    description:
      "Ask for help or to be contacted about an agreement, without an account. The sender gets a receipt with the answer time. At most 5 requests an hour per e-mail address and 20 per network address (TOO_MANY_CONTACT_REQUESTS).",
  })
  async sendContactRequest(
    @Arg("input", () => SendContactRequestInput, { description: "The request." }) input: SendContactRequestInput,
    @Ctx() ctx: Context,
  ): Promise<SendContactRequestPayload> {
    const result = await service.sendContactRequest(ctx.db, ctx.app.contactLimits, { ip: ctx.ip, now: ctx.now }, input);
    if ("errors" in result) return { answerDueAt: null, userErrors: result.errors };
    return { answerDueAt: result.ok.answerDueAt, userErrors: [] };
  }

  @Authorized(...CONTACT_REQUEST_HANDLERS)
  @Query(() => ContactRequestConnection, {
    description:
      "Requests from the public contact page, newest first: help requests for support, agreement requests for sellers, both for admins.",
  })
  async contactRequests(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => ContactRequestFilter, { nullable: true, description: "Narrow the list." })
    filter: ContactRequestFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const c = await service.listContactRequests(ctx.db, viewer, filter ?? {}, {
      ...page,
      countTotal: asksForTotalCount(info),
    });
    return mapNodes(c, ContactRequest.from);
  }

  @Authorized(...CONTACT_REQUEST_HANDLERS)
  @Mutation(() => LinkContactRequestPayload, { description: "Link a contact request to an existing organisation." })
  async linkContactRequest(
    @Arg("input", () => LinkContactRequestInput, { description: "The request and the organisation." })
    input: LinkContactRequestInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await service.linkContactRequest(
      ctx.db,
      viewer,
      {
        id: uuidOf(input.id, "ContactRequest"),
        organisationId: uuidOf(input.organisationId, "Organisation"),
        category: input.category ?? null,
        propertyId: input.propertyId ? uuidOf(input.propertyId, "Property") : null,
      },
      ctx.now,
    );
    return payload(result, "contactRequest", ContactRequest.from);
  }

  @Authorized(...CONTACT_REQUEST_HANDLERS)
  @Mutation(() => RegisterCustomerFromContactRequestPayload, {
    description:
      "Register the sender's organisation as a new customer and link the request to it, in one step: sellers and admins any request, support a help request (decision 0113). A help request becomes the new customer's case in the same step.",
  })
  async registerCustomerFromContactRequest(
    @Arg("input", () => RegisterCustomerFromContactRequestInput, { description: "The request and the customer." })
    input: RegisterCustomerFromContactRequestInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await service.registerCustomerFromContactRequest(
      ctx.db,
      viewer,
      { ...input, id: uuidOf(input.id, "ContactRequest") },
      ctx.now,
    );
    return payload(result, "contactRequest", ContactRequest.from);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may register the sender's organisation as a new customer from this request (registerCustomerFromContactRequest): sellers and admins any, support a help request.",
  })
  viewerCanRegisterCustomer(@Root() request: ContactRequest, @CurrentViewer() viewer: Viewer) {
    return service.mayRegisterCustomerFrom(viewer, request.kind);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation it is linked to, once linked." })
  async organisation(@Root() request: ContactRequest, @Ctx() ctx: Context) {
    if (!request.organisationUuid) return null;
    const row = await ctx.loaders.visibleOrganisation.load(request.organisationUuid);
    return row ? Organisation.from(row) : null;
  }

  @FieldResolver(() => SupportCase, {
    nullable: true,
    description:
      "The support case a help request became when it was linked to its customer; null for sales leads, for help requests not yet linked, and where the viewer may not see it.",
  })
  async supportCase(@Root() request: ContactRequest, @Ctx() ctx: Context) {
    if (!request.supportCaseUuid) return null;
    const row = await ctx.loaders.visibleSupportCase.load(request.supportCaseUuid);
    return row && SupportCase.from(row);
  }
}
