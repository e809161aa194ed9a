import { product } from "../../db/schema/index.js";
import { Length, MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, InputType, ObjectType, ID } from "type-graphql";
import { ConnectionType } from "../../shared/connection.js";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId } from "../../shared/ids.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import { Node } from "../../shared/node.js";
import type { InstalledVersion as InstalledVersionRecord, ProductReleaseRow } from "./release.service.js";

export const Product = graphqlEnum(product.enumValues, {
  name: "Product",
  description: "The vendor's programs whose latest versions the agreements include.",
  valuesConfig: {
    MULTI_ACCESS: { description: "Multi-access, the access-control system." },
    HANTERA: { description: "Hantera, the administration program." },
    APTUSPORTAL: { description: "Aptusportal, the resident portal." },
    BOKNING: { description: "Bokning, booking of shared rooms (hosted by Aptus Hosting)." },
    FORBRUKNING: { description: "Förbrukning, consumption metering (hosted by Aptus Hosting)." },
    FDB: { description: "FDB (hosted by Aptus Hosting)." },
  },
});
export type Product = (typeof Product)[keyof typeof Product];

@ObjectType({ implements: Node, description: "A published version of one of the vendor's programs." })
export class ProductRelease extends Node {
  @Field(() => Product, { description: "Which program." })
  product!: Product;

  @Field(() => String, { description: "Version, e.g. 5.12.3." })
  version!: string;

  @Field(() => DateScalar, { description: "When it was released." })
  releasedOn!: string;

  @Field(() => String, { nullable: true, description: "Release notes." })
  notes!: string | null;

  static from(r: ProductReleaseRow): ProductRelease {
    return Object.assign(new ProductRelease(), {
      id: toGlobalId("ProductRelease", r.id),
      product: r.product as Product,
      version: r.version,
      releasedOn: r.releasedOn,
      notes: r.notes,
    });
  }
}

@ObjectType({ description: "The version of a program installed at a property, against the latest release." })
export class InstalledVersion {
  propertyUuid!: string;

  @Field(() => Product, { description: "Which program." })
  product!: Product;

  @Field(() => String, { description: "Installed version." })
  version!: string;

  @Field(() => String, { nullable: true, description: "Latest published version; null when none is published." })
  latestVersion!: string | null;

  @Field(() => Boolean, { description: "True when the installed version is behind the latest release." })
  outdated!: boolean;

  @Field(() => DateTimeResolver, { description: "When the installed version was last recorded." })
  updatedAt!: Date;

  static from(r: InstalledVersionRecord): InstalledVersion {
    return Object.assign(new InstalledVersion(), { ...r, propertyUuid: r.propertyId, product: r.product as Product });
  }
}

export const ProductReleaseConnection = ConnectionType(ProductRelease, "ProductRelease", "product release");

@InputType({ description: "Publish a new release of a program." })
export class PublishProductReleaseInput {
  @Field(() => Product, { description: "Which program." })
  product!: Product;

  @Field(() => String, { description: "Version, e.g. 5.12.3." })
  @Length(1, 20)
  version!: string;

  @Field(() => DateScalar, { description: "Release date." })
  releasedOn!: string;

  @Field(() => String, { nullable: true, description: "Release notes (up to 5000 characters)." })
  @MaxLength(5000)
  notes?: string | null;
}

@InputType({ description: "Record the version of a program installed at a property." })
export class SetInstalledVersionInput {
  @Field(() => ID, { description: "The property." })
  propertyId!: string;

  @Field(() => Product, { description: "Which program." })
  product!: Product;

  @Field(() => String, { description: "Installed version, e.g. 5.11.0." })
  @Length(1, 20)
  version!: string;
}

export const PublishProductReleasePayload = PayloadType(
  "PublishProductReleasePayload",
  "productRelease",
  ProductRelease,
  "published release",
);
export const SetInstalledVersionPayload = PayloadType(
  "SetInstalledVersionPayload",
  "installedVersion",
  InstalledVersion,
  "recorded version",
);
