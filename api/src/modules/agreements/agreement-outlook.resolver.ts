import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import type { Viewer } from "../../shared/viewer.js";
import { AuditEvent } from "../audit/index.js";
import { InstalledVersion, updatesNeeded } from "../releases/index.js";
import { agreementPermissions } from "./agreement-permissions.js";
import { Agreement, LapseItem } from "./agreement.types.js";
import { loadLapsePreview } from "./lapse-preview.js";

async function permissions(ctx: Context, viewer: Viewer, a: Agreement) {
  const tier = (await ctx.loaders.tiers()).find((t) => t.code === a.record.tier);
  return agreementPermissions(viewer, a.record, tier);
}

/**
 * The agreement read across its parts: what lapses without renewal, what the caller may do with it now,
 * what was done to it and what to update. schema.ts loads it after the parts' resolvers, since
 * type-graphql lists an object's fields in the order they were declared and the SDL lists these last.
 */
@Resolver(() => Agreement)
export class AgreementOutlookResolver {
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
      "Whether the caller may choose which Hantera accounts stay while some are flagged `overQuotaSince` (the agreement " +
      "ended with more than its tier includes), valid agreement or not: the role allows it. Any active account may then " +
      "be deactivated, a flagged one or another in its place; as many stay flagged as are still above, the newest.",
  })
  async viewerCanChooseHanteraAccounts(@Root() a: Agreement, @Ctx() ctx: Context, @CurrentViewer() viewer: Viewer) {
    return (await permissions(ctx, viewer, a)).chooseHanteraAccounts;
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
