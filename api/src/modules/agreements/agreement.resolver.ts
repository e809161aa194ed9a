import type { GraphQLResolveInfo } from "graphql";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { daysBetween } from "../../shared/dates.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { MoneyTotal } from "../../shared/scalars.js";
import type { Viewer } from "../../shared/viewer.js";
import { Organisation, Property, Tier, User } from "../parties/index.js";
import { effectiveEnd } from "./agreement-status.js";
import * as service from "./agreement.service.js";
import { AGREEMENT_MANAGERS } from "./agreement.roles.js";
import { Agreement, AgreementConnection, AgreementPeriod } from "./agreement.types.js";
import {
  ActivateAgreementInput,
  ActivateAgreementPayload,
  AgreementFilter,
  CreateAgreementInput,
  CreateAgreementPayload,
  RenewAgreementInput,
  RenewAgreementPayload,
  TerminateAgreementInput,
  TerminateAgreementPayload,
} from "./agreement.inputs.js";

/** One collator for every comparison: `localeCompare(…, "sv")` builds one per call. */
const swedish = new Intl.Collator("sv");

/**
 * The agreement itself: finding it, its life from draft to termination, and the parties and periods it
 * is made of. Its Hantera accounts, licence rentals and add-ons have resolvers of their own beside it.
 */
@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized()
  @Query(() => AgreementConnection, { description: "Agreements the caller may see, the soonest ending first." })
  async agreements(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => AgreementFilter, { nullable: true, description: "Narrow the list." })
    filter: AgreementFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const c = await service.listAgreements(
      ctx.db,
      viewer,
      AgreementFilter.read(filter),
      { ...page, countTotal: asksForTotalCount(info) },
      clock,
    );
    return mapNodes(c, Agreement.from);
  }

  @Authorized()
  @Query(() => MoneyTotal, {
    description:
      "What the agreements of a list are worth a year together: each one's `yearlyValue` summed over the whole list `agreements` gives for the same filter, not one page. A `MoneyTotal`: a vendor's whole book passes what `Money` holds.",
  })
  async agreementsYearlyValue(
    @Arg("filter", () => AgreementFilter, { nullable: true, description: "The list, as for `agreements`." })
    filter: AgreementFilter | null,
    @Ctx() ctx: Context,
  ) {
    // Through the request's loader: the dashboard's windows, asked as three fields, are one statement.
    return MoneyTotal.of(await ctx.loaders.yearlyValue.load(AgreementFilter.read(filter)));
  }

  @Authorized()
  @Query(() => Agreement, {
    nullable: true,
    description: "One agreement; null when it does not exist or is not visible to the caller.",
  })
  async agreement(
    @Arg("id", () => ID, { description: "Global id of the agreement." }) id: string,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const r = await service.findAgreement(ctx.db, viewer, uuidOf(id, "Agreement"), clock);
    return r && Agreement.from(r);
  }

  @Authorized(...AGREEMENT_MANAGERS)
  @Mutation(() => CreateAgreementPayload, {
    description: "Create a draft agreement with its first period. Sellers and admins.",
  })
  async createAgreement(
    @Arg("input", () => CreateAgreementInput, { description: "The agreement." }) input: CreateAgreementInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await service.createAgreement(
      ctx.db,
      viewer,
      {
        ...input,
        customerId: uuidOf(input.customerId, "Organisation"),
        partnerId: input.partnerId ? uuidOf(input.partnerId, "Organisation") : null,
        sellerId: input.sellerId ? uuidOf(input.sellerId, "User") : null,
        propertyIds: input.propertyIds.map((p) => uuidOf(p, "Property")),
      },
      clock,
    );
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized(...AGREEMENT_MANAGERS)
  @Mutation(() => ActivateAgreementPayload, { description: "Activate a draft agreement." })
  async activateAgreement(
    @Arg("input", () => ActivateAgreementInput, { description: "Which agreement." }) input: ActivateAgreementInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await service.activateAgreement(
      ctx.db,
      viewer,
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement") },
      clock,
    );
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized(...AGREEMENT_MANAGERS)
  @Mutation(() => RenewAgreementPayload, {
    description: "Renew: a new period from the day after the current end. Earlier periods stay as history.",
  })
  async renewAgreement(
    @Arg("input", () => RenewAgreementInput, { description: "Agreement, new end, carry-over." })
    input: RenewAgreementInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await service.renewAgreement(
      ctx.db,
      viewer,
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement") },
      clock,
    );
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized(...AGREEMENT_MANAGERS)
  @Mutation(() => TerminateAgreementPayload, {
    description: "Terminate on a date with a reason; rentals and add-ons end with it.",
  })
  async terminateAgreement(
    @Arg("input", () => TerminateAgreementInput, { description: "Agreement, date, reason." })
    input: TerminateAgreementInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await service.terminateAgreement(
      ctx.db,
      viewer,
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement") },
      clock,
    );
    return payload(result, "agreement", Agreement.from);
  }

  // ---- the parts of an agreement ----

  @FieldResolver(() => Tier, { description: "The tier and its benefits." })
  async tier(@Root() a: Agreement, @Ctx() ctx: Context) {
    return Tier.from(a.tierRow ?? (await ctx.loaders.tiers()).find((t) => t.code === a.record.tier)!);
  }

  @FieldResolver(() => Organisation, { description: "The customer." })
  async customer(@Root() a: Agreement, @Ctx() ctx: Context) {
    return Organisation.from(a.customerRow ?? (await ctx.loaders.organisation.load(a.record.customerId))!);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "The signing partner; null when the customer signed directly.",
  })
  async partner(@Root() a: Agreement, @Ctx() ctx: Context) {
    const row = a.record.partnerId ? await ctx.loaders.visibleOrganisation.load(a.record.partnerId) : null;
    return row && Organisation.from(row);
  }

  @FieldResolver(() => User, { nullable: true, description: "The responsible seller." })
  async seller(@Root() a: Agreement, @Ctx() ctx: Context) {
    const row = a.record.sellerId ? await ctx.loaders.visibleUser.load(a.record.sellerId) : null;
    return row && User.from(row);
  }

  @FieldResolver(() => [Property], { description: "The properties covered." })
  async properties(@Root() a: Agreement, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.properties.load(a.record.id);
    return rows.map(Property.from).sort((x, y) => swedish.compare(x.name, y.name));
  }

  @FieldResolver(() => [AgreementPeriod], { description: "Every period, first to latest." })
  async periods(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.periods.load(a.record.id)).map(AgreementPeriod.from);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Days from today to the end (or termination date); null for drafts, negative once ended.",
  })
  daysLeft(@Root() a: Agreement, @Clock() clock: Clock) {
    if (a.record.status === "DRAFT") return null;
    return daysBetween(clock.today, effectiveEnd(a.record));
  }
}
