import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import type { Viewer } from "../../shared/viewer.js";
import { CurrentViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { Property } from "../parties/index.js";
import { INSTALLERS, PUBLISHERS } from "./release.roles.js";
import * as releases from "./release.service.js";
import {
  InstalledVersion,
  Product,
  ProductRelease,
  ProductReleaseConnection,
  PublishProductReleaseInput,
  PublishProductReleasePayload,
  SetInstalledVersionInput,
  SetInstalledVersionPayload,
} from "./release.types.js";

@Resolver(() => ProductRelease)
export class ProductReleaseResolver {
  @Authorized()
  @Query(() => ProductReleaseConnection, { description: "Published releases, newest first." })
  async productReleases(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg("product", () => Product, { nullable: true, description: "Only this program's releases." })
    product: Product | null,
    @Ctx() ctx: Context,
  ) {
    const c = await releases.listProductReleases(ctx.db, { product }, { ...page, countTotal: asksForTotalCount(info) });
    return mapNodes(c, ProductRelease.from);
  }

  @Authorized(...PUBLISHERS)
  @Mutation(() => PublishProductReleasePayload, {
    description: "Publish a release; properties behind it show as outdated. Vendor admins and support.",
  })
  async publishProductRelease(
    @Arg("input", () => PublishProductReleaseInput, { description: "The release." }) input: PublishProductReleaseInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return payload(await releases.publishProductRelease(ctx.db, viewer, input), "productRelease", ProductRelease.from);
  }

  @Authorized(...INSTALLERS)
  @Mutation(() => SetInstalledVersionPayload, {
    description: "Record which version of a program is installed at a property.",
  })
  async setInstalledVersion(
    @Arg("input", () => SetInstalledVersionInput, { description: "Property, program, version." })
    input: SetInstalledVersionInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const result = await releases.setInstalledVersion(ctx.db, viewer, {
      ...input,
      propertyId: uuidOf(input.propertyId, "Property"),
    });
    return payload(result, "installedVersion", InstalledVersion.from);
  }
}

@Resolver(() => Property)
export class PropertyVersionsResolver {
  @FieldResolver(() => [InstalledVersion], {
    description: "Installed program versions, each against the latest release.",
  })
  async installedVersions(@Root() property: Property, @Ctx() ctx: Context) {
    // Through the request's loader: a page of properties reads its versions in one go, not per property.
    return (await ctx.loaders.installedVersions.load(property.uuid)).map(InstalledVersion.from);
  }
}

@Resolver(() => InstalledVersion)
export class InstalledVersionResolver {
  @FieldResolver(() => Property, { description: "The property." })
  async property(@Root() v: InstalledVersion, @Ctx() ctx: Context) {
    return Property.from((await ctx.loaders.property.load(v.propertyUuid))!);
  }
}
