import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { daysBetween } from "../../shared/dates.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Money } from "../../shared/scalars.js";
import { Organisation, Property, Tier, User } from "../parties/index.js";
import { AuditEvent } from "../audit/index.js";
import { InstalledVersion, updatesNeeded } from "../releases/index.js";
import { effectiveEnd } from "./agreement-status.js";
import type { Viewer } from "../../shared/viewer.js";
import { addOnIsActive, cancelAddOn, newestAddOnsFirst, orderAddOn } from "./add-ons.js";
import { agreementPermissions } from "./agreement-permissions.js";
import * as service from "./agreement.service.js";
import { ADD_ON_ACTORS, ADD_ON_ORDERERS, AGREEMENT_MANAGERS, BENEFIT_ACTORS } from "./agreement.roles.js";
import { askedPrice } from "../pricing/index.js";
import { createHanteraAccount, deactivateHanteraAccount, loadHanteraQuota } from "./hantera-quota.js";
import { loadLapsePreview } from "./lapse-preview.js";
import {
  endLicenceRental,
  monthlyCostMinor,
  newestRentalsFirst,
  rentalIsActive,
  rentalTotals,
  rentLicence,
} from "./licence-rentals.js";
import {
  AddOn,
  Agreement,
  AgreementConnection,
  AgreementPeriod,
  HanteraAccount,
  HanteraQuota,
  LapseItem,
  LicenceRental,
  LicenceRentalTotal,
} from "./agreement.types.js";
import {
  ActivateAgreementInput,
  ActivateAgreementPayload,
  AgreementFilter,
  CancelAddOnInput,
  CancelAddOnPayload,
  CreateAgreementInput,
  CreateAgreementPayload,
  CreateHanteraAccountInput,
  CreateHanteraAccountPayload,
  DeactivateHanteraAccountInput,
  DeactivateHanteraAccountPayload,
  EndLicenceRentalInput,
  EndLicenceRentalPayload,
  OrderAddOnInput,
  OrderAddOnPayload,
  RenewAgreementInput,
  RenewAgreementPayload,
  RentLicenceInput,
  RentLicencePayload,
  TerminateAgreementInput,
  TerminateAgreementPayload,
} from "./agreement.inputs.js";

/** One collator for every comparison: `localeCompare(…, "sv")` builds one per call. */
const swedish = new Intl.Collator("sv");

async function permissions(ctx: Context, viewer: Viewer, a: Agreement) {
  const tier = (await ctx.loaders.tiers()).find((t) => t.code === a.record.tier);
  return agreementPermissions(viewer, a.record, tier);
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized()
  @Query(() => AgreementConnection, { description: "Agreements the caller may see, the soonest ending first." })
  async agreements(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => AgreementFilter, { nullable: true, description: "Narrow the list." })
    filter: AgreementFilter | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const f = filter ?? {};
    const c = await service.listAgreements(
      ctx.db,
      viewer,
      {
        status: f.status,
        tier: f.tier,
        endingBefore: f.endingBefore,
        customerId: f.customerId ? uuidOf(f.customerId, "Organisation") : null,
        partnerId: f.partnerId ? uuidOf(f.partnerId, "Organisation") : null,
        sellerId: f.sellerId ? uuidOf(f.sellerId, "User") : null,
      },
      page,
      clock,
    );
    return mapNodes(c, Agreement.from);
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

  @Authorized(...BENEFIT_ACTORS)
  @Mutation(() => CreateHanteraAccountPayload, {
    description: "Create a Hantera account; HANTERA_QUOTA_REACHED past the quota.",
  })
  async createHanteraAccount(
    @Arg("input", () => CreateHanteraAccountInput, { description: "Agreement and account holder." })
    input: CreateHanteraAccountInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await createHanteraAccount(
      ctx.db,
      viewer,
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement") },
      clock,
    );
    return payload(result, "hanteraAccount", HanteraAccount.from);
  }

  @Authorized(...BENEFIT_ACTORS)
  @Mutation(() => DeactivateHanteraAccountPayload, { description: "Deactivate a Hantera account." })
  async deactivateHanteraAccount(
    @Arg("input", () => DeactivateHanteraAccountInput, { description: "Which account." })
    input: DeactivateHanteraAccountInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await deactivateHanteraAccount(
      ctx.db,
      viewer,
      { hanteraAccountId: uuidOf(input.hanteraAccountId, "HanteraAccount") },
      clock,
    );
    return payload(result, "hanteraAccount", HanteraAccount.from);
  }

  @Authorized(...BENEFIT_ACTORS)
  @Mutation(() => RentLicencePayload, {
    description:
      "Rent licences inside an agreement period at the list price of the first day (vendor staff may agree another); OUTSIDE_AGREEMENT_PERIOD otherwise.",
  })
  async rentLicence(
    @Arg("input", () => RentLicenceInput, { description: "What, how many, price, dates." }) input: RentLicenceInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() c: Clock,
  ) {
    const result = await rentLicence(
      ctx.db,
      viewer,
      {
        agreementId: uuidOf(input.agreementId, "Agreement"),
        kind: input.kind,
        quantity: input.quantity,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        price: askedPrice(input),
      },
      c,
    );
    return payload(result, "licenceRental", (r) => LicenceRental.from(r, rentalIsActive(r, c.today)));
  }

  @Authorized(...BENEFIT_ACTORS)
  @Mutation(() => EndLicenceRentalPayload, { description: "End a rental early." })
  async endLicenceRental(
    @Arg("input", () => EndLicenceRentalInput, { description: "Which rental, and when." }) input: EndLicenceRentalInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() c: Clock,
  ) {
    const result = await endLicenceRental(
      ctx.db,
      viewer,
      { ...input, licenceRentalId: uuidOf(input.licenceRentalId, "LicenceRental") },
      c,
    );
    return payload(result, "licenceRental", (r) => LicenceRental.from(r, rentalIsActive(r, c.today)));
  }

  @Authorized(...ADD_ON_ORDERERS)
  @Mutation(() => OrderAddOnPayload, {
    description:
      "Order hosting or monitoring at today's list price (vendor staff may agree another); AGREEMENT_REQUIRED without a valid agreement.",
  })
  async orderAddOn(
    @Arg("input", () => OrderAddOnInput, { description: "Agreement and add-on." }) input: OrderAddOnInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const order = {
      agreementId: uuidOf(input.agreementId, "Agreement"),
      kind: input.kind,
      hostedServices: input.hostedServices,
      price: askedPrice(input),
    };
    const result = await orderAddOn(ctx.db, viewer, order, clock);
    return payload(result, "addOn", (r) => AddOn.from(r, !r.endedOn));
  }

  @Authorized(...ADD_ON_ACTORS)
  @Mutation(() => CancelAddOnPayload, { description: "Cancel an add-on from today." })
  async cancelAddOn(
    @Arg("input", () => CancelAddOnInput, { description: "Which add-on." }) input: CancelAddOnInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await cancelAddOn(ctx.db, viewer, { addOnId: uuidOf(input.addOnId, "AddOn") }, clock);
    return payload(result, "addOn", (r) => AddOn.from(r, false));
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

  @FieldResolver(() => [HanteraAccount], { description: "Hantera accounts, active and deactivated, oldest first." })
  async hanteraAccounts(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.hanteraAccounts.load(a.record.id)).map(HanteraAccount.from);
  }

  @FieldResolver(() => Int, {
    description:
      "How many active Hantera accounts the agreement allows: the tier's included accounts + rented Hantera licences.",
  })
  async hanteraAccountQuota(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return (await loadHanteraQuota(ctx.loaders, a.record, clock.today)).quota;
  }

  @FieldResolver(() => HanteraQuota, { description: "The quota in parts, with the number used." })
  async hanteraQuota(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return Object.assign(new HanteraQuota(), await loadHanteraQuota(ctx.loaders, a.record, clock.today));
  }

  @FieldResolver(() => [LicenceRental], { description: "Every licence rental, newest first, ended ones included." })
  async licenceRentals(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    const rows = newestRentalsFirst(await ctx.loaders.licenceRentals.load(a.record.id));
    return rows.map((r) => LicenceRental.plain(r, rentalIsActive(r, clock.today)));
  }

  @FieldResolver(() => [LicenceRentalTotal], { description: "Running rentals summed per licence kind." })
  async licenceRentalTotals(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return rentalTotals(await ctx.loaders.licenceRentals.load(a.record.id), clock.today).map(LicenceRentalTotal.from);
  }

  @FieldResolver(() => Money, { description: "What the running licence rentals cost per month." })
  async monthlyCost(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return Money.of(monthlyCostMinor(await ctx.loaders.licenceRentals.load(a.record.id), clock.today));
  }

  // Only the rentals carry a price in Trygg today; a dashboard sums this to show what is up for renewal.
  @FieldResolver(() => Money, {
    description: "What the running licence rentals are worth per year: twelve times `monthlyCost`.",
  })
  async yearlyValue(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return Money.of(12 * monthlyCostMinor(await ctx.loaders.licenceRentals.load(a.record.id), clock.today));
  }

  @FieldResolver(() => [AddOn], { description: "Add-ons, newest first, ended ones included." })
  async addOns(@Root() a: Agreement, @Ctx() ctx: Context) {
    return newestAddOnsFirst(await ctx.loaders.addOns.load(a.record.id)).map((r) =>
      AddOn.from(r, addOnIsActive(r, a.record)),
    );
  }

  @FieldResolver(() => [LapseItem], {
    description: "What the customer loses if the agreement is not renewed by its end; empty when nothing is running.",
  })
  async lapsePreview(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    return (await loadLapsePreview(ctx.loaders, a.record, clock.today)).map((i) => Object.assign(new LapseItem(), i));
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller may activate this draft (sellers and admins)." })
  async viewerCanActivate(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).activate;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may renew the agreement now: a seller or admin, and the agreement active, expiring or expired.",
  })
  async viewerCanRenew(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).renew;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller may terminate the agreement now: a seller or admin, and the agreement valid.",
  })
  async viewerCanTerminate(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).terminate;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may create and deactivate Hantera accounts now: the role allows it and the agreement is valid.",
  })
  async viewerCanManageHanteraAccounts(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).manageHanteraAccounts;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may rent and end licence rentals now: the role allows it, the agreement is valid and its tier includes rentals.",
  })
  async viewerCanRentLicences(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).rentLicences;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may order hosting and monitoring now: the role allows it and the agreement is valid.",
  })
  async viewerCanOrderAddOns(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).orderAddOns;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may cancel hosting and monitoring now: the role allows it and the agreement is valid.",
  })
  async viewerCanCancelAddOns(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).cancelAddOns;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller may agree a price other than the list price (agreedPrice with priceReason) on orders: vendor staff only.",
  })
  async viewerCanAgreePrices(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).agreePrices;
  }

  @FieldResolver(() => [AuditEvent], {
    description:
      "What was done to the agreement and its accounts, rentals and add-ons, by whom and when; newest first (up to 200).",
  })
  async history(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.agreementHistory.load(a.record.id)).map(AuditEvent.from);
  }

  @FieldResolver(() => [InstalledVersion], {
    description: "Programs at the covered properties that are behind the latest release: what to update.",
  })
  async updatesNeeded(@Root() a: Agreement, @Ctx() ctx: Context) {
    const ids = (await ctx.loaders.propertyIds.load(a.record.id)).map((p) => p.propertyId);
    return updatesNeeded(await Promise.all(ids.map((id) => ctx.loaders.installedVersions.load(id)))).map(
      InstalledVersion.from,
    );
  }
}
