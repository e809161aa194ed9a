import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Money } from "../../shared/scalars.js";
import type { Viewer } from "../../shared/viewer.js";
import { askedPrice } from "../pricing/index.js";
import { BENEFIT_ACTORS } from "./agreement.roles.js";
import { Agreement, LicenceRental, LicenceRentalTotal } from "./agreement.types.js";
import {
  EndLicenceRentalInput,
  EndLicenceRentalPayload,
  RentLicenceInput,
  RentLicencePayload,
} from "./agreement.inputs.js";
import {
  endLicenceRental,
  monthlyCostMinor,
  newestRentalsFirst,
  rentalIsActive,
  rentalTotals,
  rentLicence,
} from "./licence-rentals.js";
import { yearlyValueMinor } from "./yearly-value.js";

/** An agreement's licence rentals and what they cost: the rules are licence-rentals.ts. */
@Resolver(() => Agreement)
export class LicenceRentalResolver {
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

  // A dashboard sums this to show what is up for renewal.
  @FieldResolver(() => Money, {
    description:
      "What the agreement is worth per year: twelve times `monthlyCost` and the tier's base fee on today's price list (none for an agreement not in force).",
  })
  async yearlyValue(@Root() a: Agreement, @Ctx() ctx: Context, @Clock() clock: Clock) {
    const [rentals, fees] = await Promise.all([
      ctx.loaders.licenceRentals.load(a.record.id),
      ctx.loaders.baseFeesToday(),
    ]);
    return Money.of(yearlyValueMinor(a.record, rentals, fees(a.record.tier), clock.today));
  }
}
