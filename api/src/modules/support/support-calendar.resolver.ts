import { DateTimeResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import type { Viewer } from "../../shared/viewer.js";
import { CALENDAR_KEEPERS } from "./support.roles.js";
import { payload } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import { asked, checkDateSpan, checkInstant, checkInstantSpan, checkOpenHours } from "./calendar-question.js";
import { MS_PER_HOUR } from "./support-calendar.js";
import * as service from "./support-calendar.service.js";
import { changeCalendarException } from "./calendar-change.js";
import { previewCalendarException } from "./calendar-exception-preview.js";
import { SupportCalendarExceptionPreviewPayload, SupportDeadlineMove } from "./calendar-exception-preview.types.js";
import {
  OpeningDay,
  RemoveSupportCalendarExceptionInput,
  RemoveSupportCalendarExceptionPayload,
  SetSupportCalendarExceptionInput,
  SetSupportCalendarExceptionPayload,
  SupportCalendar,
  SupportCalendarException,
} from "./support-calendar.types.js";

@Resolver(() => SupportCalendar)
export class SupportCalendarResolver {
  @Authorized()
  @Query(() => SupportCalendar, {
    description: "Support's opening hours, open-or-closed, and deadlines counted in open hours.",
  })
  async supportCalendar(@Ctx() ctx: Context) {
    return Object.assign(new SupportCalendar(), { calendar: await service.supportCalendar(ctx.db) });
  }

  @FieldResolver(() => Boolean, {
    description: "Whether support is open at the instant (opening time included, closing time not).",
  })
  isOpen(@Root() c: SupportCalendar, @Arg("at", () => DateTimeResolver, { description: "The instant." }) at: Date) {
    return asked(() => c.calendar.isOpen(checkInstant(at, "at")), "at");
  }

  @FieldResolver(() => DateTimeResolver, {
    description:
      "The first instant at or after `after` when support opens; `after` itself only when support opens exactly then.",
  })
  nextOpening(
    @Root() c: SupportCalendar,
    @Arg("after", () => DateTimeResolver, { description: "From when to look." }) after: Date,
  ) {
    return new Date(asked(() => c.calendar.nextOpening(checkInstant(after, "after")), "after"));
  }

  @FieldResolver(() => DateTimeResolver, {
    description: "When support next closes: the end of the open stretch at `at`, or of the next one when closed.",
  })
  nextClosing(
    @Root() c: SupportCalendar,
    @Arg("at", () => DateTimeResolver, { description: "From when to look." }) at: Date,
  ) {
    return new Date(asked(() => c.calendar.nextClosing(checkInstant(at, "at")), "at"));
  }

  @FieldResolver(() => [OpeningDay], {
    description: "Every day from `from` to `to` (both included, at most 366 days) with its hours or why it is closed.",
  })
  openingHours(
    @Root() c: SupportCalendar,
    @Arg("from", () => DateScalar, { description: "First date." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last date." }) to: string,
  ) {
    checkDateSpan(from, to);
    return asked(() => c.calendar.openingDays(from, to), "from").map(OpeningDay.from);
  }

  @FieldResolver(() => DateTimeResolver, {
    description:
      "The instant when `openHours` open hours have passed since `from` (0 to 2000). A deadline that ends at closing time is that closing time.",
  })
  responseDeadline(
    @Root() c: SupportCalendar,
    @Arg("from", () => DateTimeResolver, { description: "When the clock starts." }) from: Date,
    @Arg("openHours", () => Float, { description: "Open hours to count, e.g. 4 or 1.5." }) openHours: number,
  ) {
    checkOpenHours(openHours);
    return new Date(
      asked(() => c.calendar.deadline(checkInstant(from, "from"), Math.round(openHours * MS_PER_HOUR)), "from"),
    );
  }

  @FieldResolver(() => Float, {
    description: "Open hours between two instants (at most 366 days apart; `to` not before `from`).",
  })
  openHoursBetween(
    @Root() c: SupportCalendar,
    @Arg("from", () => DateTimeResolver, { description: "Start." }) from: Date,
    @Arg("to", () => DateTimeResolver, { description: "End." }) to: Date,
  ) {
    const [a, b] = checkInstantSpan(from, to);
    return asked(() => c.calendar.openMsBetween(a, b), "from") / MS_PER_HOUR;
  }

  @FieldResolver(() => [SupportCalendarException], {
    description: "The vendor's closed days and changed hours from `from` to `to` (at most 366 days).",
  })
  async exceptions(
    @Arg("from", () => DateScalar, { description: "First date." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last date." }) to: string,
    @Ctx() ctx: Context,
  ) {
    checkDateSpan(from, to);
    return (await service.listCalendarExceptions(ctx.db, from, to)).map(SupportCalendarException.from);
  }

  @Authorized(...CALENDAR_KEEPERS)
  @Query(() => SupportCalendarExceptionPreviewPayload, {
    description:
      "Which open cases' deadlines a closed day or changed hours would move, before it is saved (admins); writes nothing.",
  })
  async supportCalendarExceptionPreview(
    @Arg("input", () => SetSupportCalendarExceptionInput, { description: "The exception as it would be saved." })
    input: SetSupportCalendarExceptionInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    return payload(await previewCalendarException(ctx.db, viewer, input), "moves", (moves) =>
      moves.map(SupportDeadlineMove.from),
    );
  }

  @Authorized(...CALENDAR_KEEPERS)
  @Mutation(() => SetSupportCalendarExceptionPayload, {
    description:
      "Close support on a date or change its hours, with a reason (admins). Open cases' response deadlines are recomputed at once.",
  })
  async setSupportCalendarException(
    @Arg("input", () => SetSupportCalendarExceptionInput, { description: "Date, times (none to close), reason." })
    input: SetSupportCalendarExceptionInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const r = await changeCalendarException(ctx.db, viewer, (tx, v) => service.setCalendarException(tx, v, input));
    return payload(r, "exception", SupportCalendarException.from);
  }

  @Authorized(...CALENDAR_KEEPERS)
  @Mutation(() => RemoveSupportCalendarExceptionPayload, {
    description:
      "Go back to the usual hours on a date (admins). Open cases' response deadlines are recomputed at once.",
  })
  async removeSupportCalendarException(
    @Arg("input", () => RemoveSupportCalendarExceptionInput, { description: "The date." })
    input: RemoveSupportCalendarExceptionInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: Context,
  ) {
    const r = await changeCalendarException(ctx.db, viewer, (tx, v) =>
      service.removeCalendarException(tx, v, input.date),
    );
    return payload(r, "exception", SupportCalendarException.from);
  }
}
