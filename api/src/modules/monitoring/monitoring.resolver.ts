import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { asksForTotalCount, ConnectionArgs, mapNodes } from "../../shared/connection.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { Agreement } from "../agreements/index.js";
import { Property } from "../parties/index.js";
import * as checks from "./check.service.js";
import { boardChecks, flipsOf, incidentsOf, pingsOf } from "./monitoring-queries.js";
import { BOARD_VIEWERS, CHECK_MANAGERS, CHECK_VIEWERS } from "./monitoring.roles.js";
import {
  CreateMonitoringCheckInput,
  MonitoringCheck,
  MonitoringCheckConnection,
  MonitoringCheckPayload,
  MonitoringCheckRefInput,
  MonitoringCheckWithKeyPayload,
  MonitoringFlip,
  MonitoringFlipConnection,
  MonitoringIncident,
  MonitoringPing,
  MonitoringPingConnection,
  UpdateMonitoringCheckInput,
} from "./monitoring.types.js";
import type { Result } from "../../shared/errors.js";
import type { CheckWithKey } from "./check.service.js";

function withKey(result: Result<CheckWithKey>): MonitoringCheckWithKeyPayload {
  if ("errors" in result) return { userErrors: result.errors, monitoringCheck: null, pingKey: null };
  return { userErrors: [], monitoringCheck: MonitoringCheck.from(result.ok.check), pingKey: result.ok.pingKey };
}

@Resolver(() => MonitoringCheck)
export class MonitoringCheckResolver {
  @Authorized(...BOARD_VIEWERS)
  @Query(() => MonitoringCheckConnection, {
    description: "Support's monitoring board: every check DOWN, LATE or PAUSED across customers, DOWN first.",
  })
  async monitoringBoard(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return mapNodes(await boardChecks(ctx.db, { ...page, countTotal: asksForTotalCount(info) }), MonitoringCheck.from);
  }

  @FieldResolver(() => MonitoringPingConnection, { description: "The check's pings, newest first." })
  async pings(
    @Root() c: MonitoringCheck,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return mapNodes(
      await pingsOf(ctx.db, c.row.id, { ...page, countTotal: asksForTotalCount(info) }),
      MonitoringPing.from,
    );
  }

  @FieldResolver(() => MonitoringFlipConnection, { description: "The check's changes of state, newest first." })
  async flips(
    @Root() c: MonitoringCheck,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return mapNodes(
      await flipsOf(ctx.db, c.row.id, { ...page, countTotal: asksForTotalCount(info) }),
      MonitoringFlip.from,
    );
  }

  @FieldResolver(() => [MonitoringIncident], { description: "The check's incidents, newest first." })
  async incidents(@Root() c: MonitoringCheck, @Ctx() ctx: Context) {
    return (await incidentsOf(ctx.db, c.row.id)).map(MonitoringIncident.from);
  }

  @FieldResolver(() => Property, { nullable: true, description: "The property whose installation it watches." })
  async property(@Root() c: MonitoringCheck, @Ctx() ctx: Context) {
    const row = await ctx.loaders.property.load(c.row.propertyId);
    return row && Property.from(row);
  }

  @Authorized(...CHECK_MANAGERS)
  @Mutation(() => MonitoringCheckWithKeyPayload, {
    description:
      "Set up a check on a property covered by Systemövervakning or Aptus Hosting; returns its ping key once.",
  })
  async createMonitoringCheck(
    @Arg("input", () => CreateMonitoringCheckInput, { description: "The check." }) input: CreateMonitoringCheckInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const propertyId = uuidOf(input.propertyId, "Property");
    return withKey(await checks.createCheck(ctx.db, viewer, { ...input, propertyId }, ctx.now));
  }

  @Authorized(...CHECK_MANAGERS)
  @Mutation(() => MonitoringCheckPayload, { description: "Change a check's name, schedule, graces or thresholds." })
  async updateMonitoringCheck(
    @Arg("input", () => UpdateMonitoringCheckInput, { description: "The new settings." })
    input: UpdateMonitoringCheckInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const checkId = uuidOf(input.checkId, "MonitoringCheck");
    return payload(
      await checks.updateCheck(ctx.db, viewer, { ...input, checkId }, ctx.now),
      "monitoringCheck",
      MonitoringCheck.from,
    );
  }

  @Authorized(...CHECK_MANAGERS)
  @Mutation(() => MonitoringCheckWithKeyPayload, {
    description: "Give a check a new ping key, shown once; the old key stops working at once.",
  })
  async rotateMonitoringPingKey(
    @Arg("input", () => MonitoringCheckRefInput, { description: "The check." }) input: MonitoringCheckRefInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return withKey(
      await checks.rotatePingKey(ctx.db, viewer, { checkId: uuidOf(input.checkId, "MonitoringCheck") }, ctx.now),
    );
  }

  @Authorized(...CHECK_MANAGERS)
  @Mutation(() => MonitoringCheckPayload, { description: "Stop judging a check: no lateness, no incidents." })
  async pauseMonitoringCheck(
    @Arg("input", () => MonitoringCheckRefInput, { description: "The check." }) input: MonitoringCheckRefInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const checkId = uuidOf(input.checkId, "MonitoringCheck");
    return payload(
      await checks.setCheckPaused(ctx.db, viewer, { checkId, paused: true }, ctx.now),
      "monitoringCheck",
      MonitoringCheck.from,
    );
  }

  @Authorized(...CHECK_MANAGERS)
  @Mutation(() => MonitoringCheckPayload, {
    description: "Judge a paused check again from its next signal; refused while no agreement pays for watching it.",
  })
  async resumeMonitoringCheck(
    @Arg("input", () => MonitoringCheckRefInput, { description: "The check." }) input: MonitoringCheckRefInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const checkId = uuidOf(input.checkId, "MonitoringCheck");
    return payload(
      await checks.setCheckPaused(ctx.db, viewer, { checkId, paused: false }, ctx.now),
      "monitoringCheck",
      MonitoringCheck.from,
    );
  }
}

@Resolver(() => Property)
export class PropertyMonitoringResolver {
  @Authorized(...CHECK_VIEWERS)
  @FieldResolver(() => [MonitoringCheck], { description: "The checks watching this property's installation." })
  async monitoringChecks(@Root() property: Property, @Ctx() ctx: Context) {
    return (await ctx.loaders.checksOfProperty.load(property.uuid)).map(MonitoringCheck.from);
  }
}

@Resolver(() => Agreement)
export class AgreementMonitoringResolver {
  @Authorized(...CHECK_VIEWERS)
  @FieldResolver(() => [MonitoringCheck], {
    description: "The checks this agreement's monitoring or hosting pays for.",
  })
  async monitoringChecks(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return (await ctx.loaders.checksOfAgreement.load(agreement.record.id)).map(MonitoringCheck.from);
  }
}
