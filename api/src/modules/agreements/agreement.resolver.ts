import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { clock, type Context } from "../../context.js";
import { requireViewer } from "../../shared/auth.js";
import { ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { daysBetween } from "../../shared/dates.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Money } from "../../shared/scalars.js";
import { Organisation, Property, Tier, User } from "../parties/parties.types.js";
import { agreementHistory } from "../audit/audit.service.js";
import { AuditEvent } from "../audit/audit.types.js";
import { installedVersionsOf } from "../releases/release.service.js";
import { InstalledVersion } from "../releases/release.types.js";
import { effectiveEnd } from "./agreement-status.js";
import * as service from "./agreement.service.js";
import {
  ActivateAgreementInput,
  ActivateAgreementPayload,
  AddOn,
  Agreement,
  AgreementConnection,
  AgreementFilter,
  AgreementPeriod,
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
  HanteraAccount,
  HanteraQuota,
  LapseItem,
  LicenceKind,
  LicenceRental,
  LicenceRentalTotal,
  OrderAddOnInput,
  OrderAddOnPayload,
  RenewAgreementInput,
  RenewAgreementPayload,
  RentLicenceInput,
  RentLicencePayload,
  TerminateAgreementInput,
  TerminateAgreementPayload,
} from "./agreement.types.js";

/** Rentals newest first, through the request's loader. */
async function rentalsOf(ctx: Context, a: Agreement) {
  const rows = await ctx.loaders.licenceRentals.load(a.record.id);
  return [...rows].sort((x, y) => y.startsOn.localeCompare(x.startsOn) || x.kind.localeCompare(y.kind));
}

async function quota(ctx: Context, a: Agreement) {
  const [allTiers, rentals, accounts] = await Promise.all([ctx.loaders.tiers(), ctx.loaders.licenceRentals.load(a.record.id), ctx.loaders.hanteraAccounts.load(a.record.id)]);
  return service.quotaFrom(allTiers.find((t) => t.code === a.record.tier), rentals, accounts, clock(ctx).today);
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized()
  @Query(() => AgreementConnection, { description: "Agreements the caller may see, the soonest ending first." })
  async agreements(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => AgreementFilter, { nullable: true, description: "Narrow the list." }) filter: AgreementFilter | null,
    @Ctx() ctx: Context,
  ) {
    const f = filter ?? {};
    const c = await service.listAgreements(
      ctx.db,
      requireViewer(ctx),
      {
        status: f.status,
        tier: f.tier,
        endingBefore: f.endingBefore,
        customerId: f.customerId ? uuidOf(f.customerId, "Organisation") : null,
        partnerId: f.partnerId ? uuidOf(f.partnerId, "Organisation") : null,
        sellerId: f.sellerId ? uuidOf(f.sellerId, "User") : null,
      },
      page,
      clock(ctx),
    );
    return mapNodes(c, Agreement.from);
  }

  @Authorized()
  @Query(() => Agreement, { nullable: true, description: "One agreement; null when it does not exist or is not visible to the caller." })
  async agreement(@Arg("id", () => ID, { description: "Global id of the agreement." }) id: string, @Ctx() ctx: Context) {
    const r = await service.findAgreement(ctx.db, requireViewer(ctx), uuidOf(id, "Agreement"), clock(ctx));
    return r && Agreement.from(r);
  }

  @Authorized("ADMIN", "SELLER")
  @Mutation(() => CreateAgreementPayload, { description: "Create a draft agreement with its first period. Sellers and admins." })
  async createAgreement(@Arg("input", () => CreateAgreementInput, { description: "The agreement." }) input: CreateAgreementInput, @Ctx() ctx: Context) {
    const result = await service.createAgreement(
      ctx.db,
      requireViewer(ctx),
      {
        ...input,
        customerId: uuidOf(input.customerId, "Organisation"),
        partnerId: input.partnerId ? uuidOf(input.partnerId, "Organisation") : null,
        sellerId: input.sellerId ? uuidOf(input.sellerId, "User") : null,
        propertyIds: input.propertyIds.map((p) => uuidOf(p, "Property")),
      },
      clock(ctx),
    );
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized("ADMIN", "SELLER")
  @Mutation(() => ActivateAgreementPayload, { description: "Activate a draft agreement." })
  async activateAgreement(@Arg("input", () => ActivateAgreementInput, { description: "Which agreement." }) input: ActivateAgreementInput, @Ctx() ctx: Context) {
    const result = await service.activateAgreement(ctx.db, requireViewer(ctx), { ...input, agreementId: uuidOf(input.agreementId, "Agreement") }, clock(ctx));
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized("ADMIN", "SELLER")
  @Mutation(() => RenewAgreementPayload, { description: "Renew: a new period from the day after the current end. Earlier periods stay as history." })
  async renewAgreement(@Arg("input", () => RenewAgreementInput, { description: "Agreement, new end, carry-over." }) input: RenewAgreementInput, @Ctx() ctx: Context) {
    const result = await service.renewAgreement(ctx.db, requireViewer(ctx), { ...input, agreementId: uuidOf(input.agreementId, "Agreement") }, clock(ctx));
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized("ADMIN", "SELLER")
  @Mutation(() => TerminateAgreementPayload, { description: "Terminate on a date with a reason; rentals and add-ons end with it." })
  async terminateAgreement(@Arg("input", () => TerminateAgreementInput, { description: "Agreement, date, reason." }) input: TerminateAgreementInput, @Ctx() ctx: Context) {
    const result = await service.terminateAgreement(ctx.db, requireViewer(ctx), { ...input, agreementId: uuidOf(input.agreementId, "Agreement") }, clock(ctx));
    return payload(result, "agreement", Agreement.from);
  }

  @Authorized("ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN")
  @Mutation(() => CreateHanteraAccountPayload, { description: "Create a Hantera account; HANTERA_QUOTA_REACHED past the quota." })
  async createHanteraAccount(@Arg("input", () => CreateHanteraAccountInput, { description: "Agreement and account holder." }) input: CreateHanteraAccountInput, @Ctx() ctx: Context) {
    const result = await service.createHanteraAccount(ctx.db, requireViewer(ctx), { ...input, agreementId: uuidOf(input.agreementId, "Agreement") }, clock(ctx));
    return payload(result, "hanteraAccount", HanteraAccount.from);
  }

  @Authorized("ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN")
  @Mutation(() => DeactivateHanteraAccountPayload, { description: "Deactivate a Hantera account." })
  async deactivateHanteraAccount(@Arg("input", () => DeactivateHanteraAccountInput, { description: "Which account." }) input: DeactivateHanteraAccountInput, @Ctx() ctx: Context) {
    const result = await service.deactivateHanteraAccount(ctx.db, requireViewer(ctx), { hanteraAccountId: uuidOf(input.hanteraAccountId, "HanteraAccount") }, clock(ctx));
    return payload(result, "hanteraAccount", HanteraAccount.from);
  }

  @Authorized("ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN")
  @Mutation(() => RentLicencePayload, { description: "Rent licences inside an agreement period; OUTSIDE_AGREEMENT_PERIOD otherwise." })
  async rentLicence(@Arg("input", () => RentLicenceInput, { description: "What, how many, price, dates." }) input: RentLicenceInput, @Ctx() ctx: Context) {
    const c = clock(ctx);
    const result = await service.rentLicence(
      ctx.db,
      requireViewer(ctx),
      { ...input, agreementId: uuidOf(input.agreementId, "Agreement"), monthlyPriceMinor: input.monthlyPrice.amountMinor, currency: input.monthlyPrice.currency },
      c,
    );
    return payload(result, "licenceRental", (r) => LicenceRental.from(r, service.rentalIsActive(r, c.today)));
  }

  @Authorized("ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN")
  @Mutation(() => EndLicenceRentalPayload, { description: "End a rental early." })
  async endLicenceRental(@Arg("input", () => EndLicenceRentalInput, { description: "Which rental, and when." }) input: EndLicenceRentalInput, @Ctx() ctx: Context) {
    const c = clock(ctx);
    const result = await service.endLicenceRental(ctx.db, requireViewer(ctx), { ...input, licenceRentalId: uuidOf(input.licenceRentalId, "LicenceRental") }, c);
    return payload(result, "licenceRental", (r) => LicenceRental.from(r, service.rentalIsActive(r, c.today)));
  }

  @Authorized("ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF")
  @Mutation(() => OrderAddOnPayload, { description: "Order hosting or monitoring; AGREEMENT_REQUIRED without a valid agreement." })
  async orderAddOn(@Arg("input", () => OrderAddOnInput, { description: "Agreement and add-on." }) input: OrderAddOnInput, @Ctx() ctx: Context) {
    const result = await service.orderAddOn(ctx.db, requireViewer(ctx), { ...input, agreementId: uuidOf(input.agreementId, "Agreement") }, clock(ctx));
    return payload(result, "addOn", (r) => AddOn.from(r, !r.endedOn));
  }

  @Authorized("ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF")
  @Mutation(() => CancelAddOnPayload, { description: "Cancel an add-on from today." })
  async cancelAddOn(@Arg("input", () => CancelAddOnInput, { description: "Which add-on." }) input: CancelAddOnInput, @Ctx() ctx: Context) {
    const result = await service.cancelAddOn(ctx.db, requireViewer(ctx), { addOnId: uuidOf(input.addOnId, "AddOn") }, clock(ctx));
    return payload(result, "addOn", (r) => AddOn.from(r, false));
  }

  // ---- the parts of an agreement ----

  @FieldResolver(() => Tier, { description: "The tier and its benefits." })
  async tier(@Root() a: Agreement, @Ctx() ctx: Context) {
    return Tier.from((await ctx.loaders.tiers()).find((t) => t.code === a.record.tier)!);
  }

  @FieldResolver(() => Organisation, { description: "The customer." })
  async customer(@Root() a: Agreement, @Ctx() ctx: Context) {
    return Organisation.from((await ctx.loaders.organisation.load(a.record.customerId))!);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The signing partner; null when the customer signed directly." })
  async partner(@Root() a: Agreement, @Ctx() ctx: Context) {
    const row = a.record.partnerId ? await ctx.loaders.organisation.load(a.record.partnerId) : null;
    return row && Organisation.from(row);
  }

  @FieldResolver(() => User, { nullable: true, description: "The responsible seller." })
  async seller(@Root() a: Agreement, @Ctx() ctx: Context) {
    const row = a.record.sellerId ? await ctx.loaders.user.load(a.record.sellerId) : null;
    return row && User.from(row);
  }

  @FieldResolver(() => [Property], { description: "The properties covered." })
  async properties(@Root() a: Agreement, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.properties.load(a.record.id);
    return rows.map(Property.from).sort((x, y) => x.name.localeCompare(y.name, "sv"));
  }

  @FieldResolver(() => [AgreementPeriod], { description: "Every period, first to latest." })
  async periods(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.periods.load(a.record.id)).map(AgreementPeriod.from);
  }

  @FieldResolver(() => Int, { nullable: true, description: "Days from today to the end (or termination date); null for drafts, negative once ended." })
  daysLeft(@Root() a: Agreement, @Ctx() ctx: Context) {
    if (a.record.status === "DRAFT") return null;
    return daysBetween(clock(ctx).today, effectiveEnd(a.record));
  }

  @FieldResolver(() => [HanteraAccount], { description: "Hantera accounts, active and deactivated, oldest first." })
  async hanteraAccounts(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.hanteraAccounts.load(a.record.id)).map(HanteraAccount.from);
  }

  @FieldResolver(() => Int, { description: "How many active Hantera accounts the agreement allows: the tier's included accounts + rented Hantera licences." })
  async hanteraAccountQuota(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await quota(ctx, a)).quota;
  }

  @FieldResolver(() => HanteraQuota, { description: "The quota in parts, with the number used." })
  async hanteraQuota(@Root() a: Agreement, @Ctx() ctx: Context) {
    return Object.assign(new HanteraQuota(), await quota(ctx, a));
  }

  @FieldResolver(() => [LicenceRental], { description: "Every licence rental, newest first, ended ones included." })
  async licenceRentals(@Root() a: Agreement, @Ctx() ctx: Context) {
    const today = clock(ctx).today;
    return (await rentalsOf(ctx, a)).map((r) => LicenceRental.from(r, service.rentalIsActive(r, today)));
  }

  @FieldResolver(() => [LicenceRentalTotal], { description: "Running rentals summed per licence kind." })
  async licenceRentalTotals(@Root() a: Agreement, @Ctx() ctx: Context) {
    const today = clock(ctx).today;
    const running = (await rentalsOf(ctx, a)).filter((r) => service.rentalIsActive(r, today));
    return Object.values(LicenceKind)
      .map((kind) => {
        const of = running.filter((r) => r.kind === kind);
        return Object.assign(new LicenceRentalTotal(), {
          kind,
          quantity: of.reduce((n, r) => n + r.quantity, 0),
          monthlyCost: Money.of(of.reduce((n, r) => n + r.monthlyPriceMinor, 0)),
        });
      })
      .filter((t) => t.quantity > 0);
  }

  @FieldResolver(() => Money, { description: "What the running licence rentals cost per month." })
  async monthlyCost(@Root() a: Agreement, @Ctx() ctx: Context) {
    const today = clock(ctx).today;
    const running = (await rentalsOf(ctx, a)).filter((r) => service.rentalIsActive(r, today));
    return Money.of(running.reduce((n, r) => n + r.monthlyPriceMinor, 0));
  }

  @FieldResolver(() => [AddOn], { description: "Add-ons, newest first, ended ones included." })
  async addOns(@Root() a: Agreement, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.addOns.load(a.record.id);
    return [...rows].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime()).map((r) => AddOn.from(r, service.addOnIsActive(r, a.record)));
  }

  @FieldResolver(() => [LapseItem], { description: "What the customer loses if the agreement is not renewed by its end; empty when nothing is running." })
  async lapsePreview(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await service.lapsePreview(ctx.db, a.record, clock(ctx).today)).map((i) => Object.assign(new LapseItem(), i));
  }

  @FieldResolver(() => [AuditEvent], { description: "What was done to the agreement and its accounts, rentals and add-ons, by whom and when; newest first (up to 200)." })
  async history(@Root() a: Agreement, @Ctx() ctx: Context) {
    return (await agreementHistory(ctx.db, a.record.id)).map(AuditEvent.from);
  }

  @FieldResolver(() => [InstalledVersion], { description: "Programs at the covered properties that are behind the latest release: what to update." })
  async updatesNeeded(@Root() a: Agreement, @Ctx() ctx: Context) {
    const ids = (await ctx.loaders.propertyIds.load(a.record.id)).map((p) => p.propertyId);
    return (await installedVersionsOf(ctx.db, ids)).filter((v) => v.outdated).map(InstalledVersion.from);
  }
}
