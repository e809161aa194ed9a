import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import { badInput } from "../../shared/errors.js";
import { dailyStatus, stateSpans, swedishMidnight, uptimeByMonth } from "./check-uptime.js";
import { MonitoringDay, MonitoringUptimeMonth } from "./check-history.types.js";
import { MonitoringCheck, MonitoringIncident } from "./monitoring.types.js";
import { findSupportCase, SupportCase } from "../support/index.js";
import { CurrentViewer } from "../../shared/auth.js";
import type { Viewer } from "../../shared/viewer.js";
import { historyKey } from "./check-history.loaders.js";
import { holdsCheck } from "./maintenance-queries.js";
import { maintenanceSpans } from "./maintenance-window.js";

/** A year back at most: the flips kept cover it, and a longer strip says nothing a person reads. */
const MAX_MONTHS = 12;
const MAX_DAYS = 366;

function bounded(value: number, max: number, arg: string): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw badInput(`\`${arg}\` must be 1 to ${max}.`, arg);
  return value;
}

/** The stretches of planned maintenance of the check since `from`: counted neither up nor down. */
async function maintenanceOf(ctx: Context, c: MonitoringCheck, from: Date) {
  const windows = await ctx.loaders.maintenanceOfProperty.load(c.row.propertyId);
  return maintenanceSpans(
    windows.filter((w) => holdsCheck(w, c.row.id)),
    from,
    ctx.now,
  );
}

/** A check's history read as uptime and a daily strip; the check itself was scoped when it was reached. */
@Resolver(() => MonitoringCheck)
export class MonitoringCheckHistoryResolver {
  @FieldResolver(() => [MonitoringUptimeMonth], {
    description: "Uptime per Swedish calendar month, the last `months` (1–12) up to this one, oldest first.",
  })
  async uptime(
    @Root() c: MonitoringCheck,
    @Arg("months", () => Int, { defaultValue: 3, description: "How many months, 1 to 12." }) months: number,
    @Ctx() ctx: Context,
  ): Promise<MonitoringUptimeMonth[]> {
    const count = bounded(months, MAX_MONTHS, "months");
    const today = todayInSweden(ctx.now);
    const first = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - (count - 1));
    const from = swedishMidnight(first.toISOString().slice(0, 10));
    const h = await ctx.loaders.checkHistory.load(historyKey(c.row.id, from));
    const excluded = await maintenanceOf(ctx, c, from);
    return uptimeByMonth(stateSpans(h.stateBefore, h.flips, from, ctx.now), ctx.now, count, excluded);
  }

  @FieldResolver(() => [MonitoringDay], {
    description: "One mark per Swedish calendar day, the last `days` (1–366) up to today, oldest first.",
  })
  async dailyStatus(
    @Root() c: MonitoringCheck,
    @Arg("days", () => Int, { defaultValue: 90, description: "How many days, 1 to 366." }) days: number,
    @Ctx() ctx: Context,
  ): Promise<MonitoringDay[]> {
    const count = bounded(days, MAX_DAYS, "days");
    const today = todayInSweden(ctx.now);
    const from = swedishMidnight(addDaysIso(today, -(count - 1)));
    const h = await ctx.loaders.checkHistory.load(historyKey(c.row.id, from));
    const excluded = await maintenanceOf(ctx, c, from);
    return dailyStatus(stateSpans(h.stateBefore, h.flips, from, ctx.now), today, ctx.now, count, excluded);
  }
}

/** The support case an incident opened, as the viewer may see it (a partner sees its customers'). */
@Resolver(() => MonitoringIncident)
export class MonitoringIncidentCaseResolver {
  @FieldResolver(() => SupportCase, { nullable: true, description: "The support case the incident opened." })
  async supportCase(@Root() i: MonitoringIncident, @CurrentViewer() viewer: Viewer, @Ctx() ctx: Context) {
    if (!i.row.supportCaseId) return null;
    // One open incident per check: a board page asks for at most one case per check it shows.
    const row = await findSupportCase(ctx.db, viewer, i.row.supportCaseId);
    return row && SupportCase.from(row);
  }
}
