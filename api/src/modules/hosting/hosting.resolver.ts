import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { Actor, actorOf, Organisation, Property } from "../parties/index.js";
import * as hosting from "./hosting.service.js";
import { HOSTING_OPERATORS, HOSTING_VIEWERS, OUTDATED_VIEWERS } from "./hosting.roles.js";
import {
  HostedServiceStatus,
  HostedServiceUpdate,
  Hosting,
  HostingBackup,
  OutdatedHostedServiceEntry,
  RecordHostedServiceUpdateInput,
  RecordHostedServiceUpdatePayload,
  RecordRestoreTestInput,
  RecordRestoreTestPayload,
  RestoreTest,
} from "./hosting.types.js";

@Resolver(() => Organisation)
export class OrganisationHostingResolver {
  @Authorized(...HOSTING_VIEWERS)
  @FieldResolver(() => Hosting, {
    nullable: true,
    description:
      "What Aptus Hosting does for this customer: backups, restore tests, hosted services and their versions. Null when the customer has no running hosting add-on on a valid agreement.",
  })
  async hosting(@Root() org: Organisation, @Ctx() ctx: Context): Promise<Hosting | null> {
    const r = await ctx.loaders.hostingOfCustomer.load(org.uuid);
    if (!r) return null;
    return Object.assign(new Hosting(), {
      customerUuid: r.customerId,
      backups: r.backups.map(HostingBackup.from),
      restoreTests: r.restoreTests.map(RestoreTest.from),
      services: r.services.map(HostedServiceStatus.from),
    });
  }
}

@Resolver(() => Hosting)
export class HostingResolver {
  @FieldResolver(() => Boolean, { description: "Whether the caller may record restore tests and service updates." })
  viewerCanRecord(@CurrentViewer() viewer: Viewer): boolean {
    return holds(viewer, HOSTING_OPERATORS);
  }

  @Authorized(...OUTDATED_VIEWERS)
  @Query(() => [OutdatedHostedServiceEntry], {
    description:
      "Support's list: hosted services, across customers hosted today, running behind the latest release of their product.",
  })
  async outdatedHostedServices(@Ctx() ctx: Context, @CurrentViewer() viewer: Viewer, @Clock() clock: Clock) {
    return (await hosting.outdatedHostedServices(ctx.db, viewer, clock)).map(OutdatedHostedServiceEntry.from);
  }

  @Authorized(...HOSTING_OPERATORS)
  @Mutation(() => RecordRestoreTestPayload, { description: "Record a restore test of a hosted customer's backup." })
  async recordRestoreTest(
    @Arg("input", () => RecordRestoreTestInput, { description: "The test." }) input: RecordRestoreTestInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const customerId = uuidOf(input.customerId, "Organisation");
    const r = await hosting.recordRestoreTest(ctx.db, viewer, { ...input, customerId }, clock, ctx.now);
    return payload(r, "restoreTest", RestoreTest.from);
  }

  @Authorized(...HOSTING_OPERATORS)
  @Mutation(() => RecordHostedServiceUpdatePayload, {
    description: "Record an update of a hosted service; its current version is the latest update's version after.",
  })
  async recordHostedServiceUpdate(
    @Arg("input", () => RecordHostedServiceUpdateInput, { description: "The update." })
    input: RecordHostedServiceUpdateInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const customerId = uuidOf(input.customerId, "Organisation");
    const r = await hosting.recordHostedServiceUpdate(ctx.db, viewer, { ...input, customerId }, clock, ctx.now);
    return payload(r, "hostedServiceUpdate", HostedServiceUpdate.from);
  }
}

@Resolver(() => HostingBackup)
export class HostingBackupResolver {
  @FieldResolver(() => Property, {
    nullable: true,
    description:
      "The installation whose backup check ran it; null when the caller sees the customer but not that property (a partner who installed another).",
  })
  async property(@Root() b: HostingBackup, @Ctx() ctx: Context) {
    const row = await ctx.loaders.visibleProperty.load(b.propertyUuid);
    return row && Property.from(row);
  }
}

@Resolver(() => RestoreTest)
export class RestoreTestResolver {
  @FieldResolver(() => Actor, { nullable: true, description: "Who recorded it." })
  recordedBy(@Root() t: RestoreTest, @Ctx() ctx: Context) {
    return actorOf(ctx, t.recordedByUuid);
  }
}

@Resolver(() => HostedServiceUpdate)
export class HostedServiceUpdateResolver {
  @FieldResolver(() => Actor, { nullable: true, description: "Who did the update." })
  recordedBy(@Root() u: HostedServiceUpdate, @Ctx() ctx: Context) {
    return actorOf(ctx, u.recordedByUuid);
  }
}

@Resolver(() => OutdatedHostedServiceEntry)
export class OutdatedHostedServiceResolver {
  @FieldResolver(() => Organisation, { description: "The hosted customer." })
  async customer(@Root() e: OutdatedHostedServiceEntry, @Ctx() ctx: Context) {
    return Organisation.from((await ctx.loaders.organisation.load(e.customerUuid))!);
  }
}
