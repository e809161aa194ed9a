import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import * as service from "./proposal.service.js";
import { PROPOSAL_DECIDERS, PROPOSERS } from "./proposal.roles.js";
import {
  ActivateProposalInput,
  ActivateProposalPayload,
  AgreementProposal,
  AgreementProposalConnection,
  AgreementProposalFilter,
  DeclineProposalInput,
  DeclineProposalPayload,
  ProposeAgreementInput,
  ProposeAgreementPayload,
} from "./proposal.types.js";

/** Partners propose agreements; the vendor's sellers activate or decline them (decision 0070). */
@Resolver(() => AgreementProposal)
export class AgreementProposalResolver {
  @Authorized()
  @Query(() => AgreementProposalConnection, {
    description: "Agreement proposals the caller may see (the vendor all, a partner its own, a customer those for it).",
  })
  async agreementProposals(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => AgreementProposalFilter, { nullable: true, description: "Narrow the list." })
    filter: AgreementProposalFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const c = await service.listProposals(
      ctx.db,
      viewer,
      { status: filter?.status },
      { ...page, countTotal: asksForTotalCount(info) },
    );
    return mapNodes(c, AgreementProposal.from);
  }

  @Authorized(...PROPOSERS)
  @Mutation(() => ProposeAgreementPayload, {
    description: "Propose an agreement for one of your customers. Partner admins.",
  })
  async proposeAgreement(
    @Arg("input", () => ProposeAgreementInput, { description: "The proposal." }) input: ProposeAgreementInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await service.proposeAgreement(
      ctx.db,
      viewer,
      {
        ...input,
        customerId: uuidOf(input.customerId, "Organisation"),
        propertyIds: input.propertyIds.map((p) => uuidOf(p, "Property")),
      },
      clock,
    );
    return payload(result, "proposal", AgreementProposal.from);
  }

  @Authorized(...PROPOSAL_DECIDERS)
  @Mutation(() => ActivateProposalPayload, {
    description: "Complete a proposal with its period and activate the agreement made from it. Sellers and admins.",
  })
  async activateProposal(
    @Arg("input", () => ActivateProposalInput, { description: "The proposal and its period." })
    input: ActivateProposalInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await service.activateProposal(
      ctx.db,
      viewer,
      { ...input, proposalId: uuidOf(input.proposalId, "AgreementProposal") },
      clock,
    );
    return payload(result, "proposal", AgreementProposal.from);
  }

  @Authorized(...PROPOSAL_DECIDERS)
  @Mutation(() => DeclineProposalPayload, { description: "Decline a proposal with a reason. Sellers and admins." })
  async declineProposal(
    @Arg("input", () => DeclineProposalInput, { description: "The proposal and why." }) input: DeclineProposalInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await service.declineProposal(ctx.db, viewer, {
      ...input,
      proposalId: uuidOf(input.proposalId, "AgreementProposal"),
    });
    return payload(result, "proposal", AgreementProposal.from);
  }
}
