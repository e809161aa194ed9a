import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { uuidOf } from "../../shared/ids.js";
import { payload } from "../../shared/payload.js";
import { holds, type Viewer } from "../../shared/viewer.js";
import { Actor, actorOf, Property } from "../parties/index.js";
import { findCheck } from "./check.service.js";
import { holdsCheck, type MaintenanceWindowRow } from "./maintenance-queries.js";
import { currentOrNext, inMaintenance } from "./maintenance-window.js";
import { endMaintenance, scheduleMaintenance } from "./maintenance.service.js";
import {
  CancelMaintenanceWindowPayload,
  MaintenanceOccurrence,
  MaintenanceWindow,
  MaintenanceWindowRefInput,
  ScheduleMaintenanceWindowInput,
  ScheduleMaintenanceWindowPayload,
} from "./maintenance.types.js";
import { CHECK_VIEWERS, MAINTENANCE_PLANNERS } from "./monitoring.roles.js";
import { MonitoringCheck } from "./monitoring.types.js";

/** Windows still to run or running, soonest first: what a person plans around. */
function upcoming(rows: readonly MaintenanceWindowRow[], now: Date): MaintenanceWindow[] {
  return rows
    .map((row) => ({ row, next: currentOrNext(row, now) }))
    .filter((w) => w.next !== null)
    .sort((a, b) => +a.next!.from - +b.next!.from)
    .map((w) => MaintenanceWindow.from(w.row));
}

@Resolver(() => MaintenanceWindow)
export class MaintenanceWindowResolver {
  @Authorized(...MAINTENANCE_PLANNERS)
  @Mutation(() => ScheduleMaintenanceWindowPayload, {
    description:
      "Plan maintenance of a property's installation or of one check: while it runs, a check going down opens no case and sends nothing.",
  })
  async scheduleMaintenanceWindow(
    @Arg("input", () => ScheduleMaintenanceWindowInput, { description: "The window." })
    input: ScheduleMaintenanceWindowInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const ids = {
      propertyId: input.propertyId ? uuidOf(input.propertyId, "Property") : null,
      checkId: input.checkId ? uuidOf(input.checkId, "MonitoringCheck") : null,
    };
    return payload(
      await scheduleMaintenance(ctx.db, viewer, { ...input, ...ids }, ctx.now),
      "maintenanceWindow",
      MaintenanceWindow.from,
    );
  }

  @Authorized(...MAINTENANCE_PLANNERS)
  @Mutation(() => CancelMaintenanceWindowPayload, {
    description:
      "End a maintenance window now: a running one stops (a check still down opens its case then), a planned one is cancelled.",
  })
  async cancelMaintenanceWindow(
    @Arg("input", () => MaintenanceWindowRefInput, { description: "The window." }) input: MaintenanceWindowRefInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    const maintenanceWindowId = uuidOf(input.maintenanceWindowId, "MaintenanceWindow");
    return payload(
      await endMaintenance(ctx.db, viewer, { maintenanceWindowId }, ctx.now),
      "maintenanceWindow",
      MaintenanceWindow.from,
    );
  }

  @FieldResolver(() => Property, { nullable: true, description: "The property whose installation it concerns." })
  async property(@Root() w: MaintenanceWindow, @Ctx() ctx: Context) {
    const row = await ctx.loaders.property.load(w.row.propertyId);
    return row && Property.from(row);
  }

  @FieldResolver(() => MonitoringCheck, { nullable: true, description: "The one check it holds; null for all." })
  async check(@Root() w: MaintenanceWindow, @CurrentViewer() viewer: Viewer, @Ctx() ctx: Context) {
    if (!w.row.checkId) return null;
    const row = await findCheck(ctx.db, viewer, w.row.checkId);
    return row && MonitoringCheck.from(row);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who planned it." })
  createdBy(@Root() w: MaintenanceWindow, @Ctx() ctx: Context) {
    return actorOf(ctx, w.row.createdByUserId);
  }

  @FieldResolver(() => MaintenanceOccurrence, {
    nullable: true,
    description: "The run in progress, else the next one; null when the window holds nothing more.",
  })
  occurrence(@Root() w: MaintenanceWindow, @Ctx() ctx: Context): MaintenanceOccurrence | null {
    const span = currentOrNext(w.row, ctx.now);
    if (!span) return null;
    return { startsAt: span.from, endsAt: span.to, active: +span.from <= +ctx.now };
  }
}

@Resolver(() => MonitoringCheck)
export class MonitoringCheckMaintenanceResolver {
  @FieldResolver(() => [MaintenanceWindow], {
    description: "Maintenance windows running or still to run that hold this check (its installation's and its own).",
  })
  async maintenanceWindows(@Root() c: MonitoringCheck, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.maintenanceOfProperty.load(c.row.propertyId);
    return upcoming(
      rows.filter((w) => holdsCheck(w, c.row.id)),
      ctx.now,
    );
  }

  @FieldResolver(() => Boolean, {
    description: "Whether a maintenance window holds the check now: going down opens no case and sends nothing.",
  })
  async inMaintenance(@Root() c: MonitoringCheck, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.maintenanceOfProperty.load(c.row.propertyId);
    return inMaintenance(
      rows.filter((w) => holdsCheck(w, c.row.id)),
      ctx.now,
    );
  }
}

@Resolver(() => Property)
export class PropertyMaintenanceResolver {
  @Authorized(...CHECK_VIEWERS)
  @FieldResolver(() => [MaintenanceWindow], {
    description: "Maintenance windows running or still to run on this property's installation or one of its checks.",
  })
  async maintenanceWindows(@Root() property: Property, @Ctx() ctx: Context) {
    return upcoming(await ctx.loaders.maintenanceOfProperty.load(property.uuid), ctx.now);
  }

  @Authorized(...CHECK_VIEWERS)
  @FieldResolver(() => Boolean, {
    description: "Whether the viewer may plan and end maintenance windows here (support, or the customer's admin).",
  })
  viewerCanPlanMaintenance(@CurrentViewer() viewer: Viewer) {
    // The property was reached through the viewer's scope, so the role is all that is left to ask.
    return holds(viewer, MAINTENANCE_PLANNERS);
  }

  @Authorized(...CHECK_VIEWERS)
  @FieldResolver(() => Boolean, { description: "Whether a window holds the whole installation now." })
  async inMaintenance(@Root() property: Property, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.maintenanceOfProperty.load(property.uuid);
    return inMaintenance(
      rows.filter((w) => w.checkId === null),
      ctx.now,
    );
  }
}
