import { MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Arg, Field, InputType, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../shared/enums.js";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar } from "../../shared/scalars.js";
import type { CalendarExceptionRow } from "./support-calendar.service.js";
import { Language } from "../parties/index.js";
import {
  CLOSED_KINDS,
  type ClosedReason,
  type OpeningDay as Day,
  type SupportCalendar as Calendar,
} from "./support-calendar.js";

export const ClosedKind = graphqlEnum(CLOSED_KINDS, {
  name: "ClosedKind",
  description: "Why support is closed on a day.",
  valuesConfig: {
    WEEKEND: { description: "Saturday or Sunday." },
    PUBLIC_HOLIDAY: { description: "A Swedish public holiday (helgdag)." },
    NON_WORKING_DAY: { description: "A customary non-working day: Midsummer Eve, Christmas Eve, New Year's Eve." },
    EXCEPTION: { description: "Closed by the vendor for that date, e.g. a company day; `closedReason` says why." },
    NO_OPENING_HOURS: { description: "A weekday without opening hours in the weekly table." },
  },
});
export type ClosedKind = (typeof ClosedKind)[keyof typeof ClosedKind];

/** Times on the wire as HH:MM, whatever precision the database keeps. */
const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

@ObjectType({ description: "One stretch of a day when support answers." })
export class OpeningSlot {
  @Field(() => DateTimeResolver, { description: "When support opens." })
  opensAt!: Date;

  @Field(() => DateTimeResolver, { description: "When support closes." })
  closesAt!: Date;
}

@ObjectType({ description: "One day of the support calendar (Europe/Stockholm)." })
export class OpeningDay {
  @Field(() => DateScalar, { description: "The Swedish calendar date." })
  date!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "When support opens that day; null when closed." })
  opensAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When support closes that day (end of the last slot); null when closed.",
  })
  closesAt!: Date | null;

  /** Why the day is closed, in each language; read through `closedReason`. */
  reasons!: ClosedReason | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why support is closed, as a customer would say it: in Swedish by default ("Midsommarafton", "Lördag"), in English with `language: EN` ("Midsummer Eve", "Saturday"). An EXCEPTION day gives the vendor\'s own reason as written. Null when open.',
  })
  closedReason(
    @Arg("language", () => Language, { defaultValue: "SV", description: "The language of the name: SV or EN." })
    language: Language,
  ): string | null {
    return this.reasons?.[language] ?? null;
  }

  @Field(() => ClosedKind, { nullable: true, description: "What kind of closed day it is; null when open." })
  closedKind!: ClosedKind | null;

  @Field(() => [OpeningSlot], {
    description: "Every open stretch of the day, in order; empty when closed. More than one when the day has a break.",
  })
  slots!: OpeningSlot[];

  @Field(() => String, {
    nullable: true,
    description: "Why the hours differ from the usual ones that day, when they do.",
  })
  note!: string | null;

  static from(d: Day): OpeningDay {
    return Object.assign(new OpeningDay(), {
      date: d.date,
      opensAt: d.slots.length ? new Date(d.slots[0]!.opensAt) : null,
      closesAt: d.slots.length ? new Date(d.slots.at(-1)!.closesAt) : null,
      reasons: d.closedReason,
      closedKind: d.closedKind,
      slots: d.slots.map((s) =>
        Object.assign(new OpeningSlot(), { opensAt: new Date(s.opensAt), closesAt: new Date(s.closesAt) }),
      ),
      note: d.note,
    });
  }
}

@ObjectType({
  description:
    "Support's opening hours in Swedish time: weekdays 08–17, Fridays 08–16, every open day 08–16 in ISO weeks 20–34, closed on weekends, Swedish public holidays, Midsummer Eve, Christmas Eve, New Year's Eve and the vendor's own closed days. Deadlines count open hours only.",
})
export class SupportCalendar {
  calendar!: Calendar;
}

@ObjectType({ description: "A date whose support hours differ from the weekly table: closed, or open at other times." })
export class SupportCalendarException {
  @Field(() => DateScalar, { description: "The Swedish calendar date." })
  date!: string;

  @Field(() => String, { nullable: true, description: "Opening time HH:MM (Swedish time); null when closed all day." })
  opensAt!: string | null;

  @Field(() => String, { nullable: true, description: "Closing time HH:MM (Swedish time); null when closed all day." })
  closesAt!: string | null;

  @Field(() => String, { description: "Why, as customers will read it." })
  reason!: string;

  static from(r: CalendarExceptionRow): SupportCalendarException {
    return Object.assign(new SupportCalendarException(), {
      date: r.date,
      opensAt: hhmm(r.opensAt),
      closesAt: hhmm(r.closesAt),
      reason: r.reason,
    });
  }
}

@InputType({
  description:
    "Close support on a date, or open it at other times, with a reason. Replaces an earlier exception of the same date.",
})
export class SetSupportCalendarExceptionInput {
  @Field(() => DateScalar, { description: "The Swedish calendar date." })
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: "Opening time HH:MM; leave out both times to close the whole day.",
  })
  opensAt?: string | null;

  @Field(() => String, { nullable: true, description: "Closing time HH:MM, after the opening time." })
  closesAt?: string | null;

  @Field(() => String, { description: 'Why, as customers will read it (e.g. "Personaldag").' })
  @MaxLength(200)
  reason!: string;
}

@InputType({ description: "Go back to the usual hours on a date." })
export class RemoveSupportCalendarExceptionInput {
  @Field(() => DateScalar, { description: "The date whose exception is removed." })
  date!: string;
}

export const SetSupportCalendarExceptionPayload = PayloadType(
  "SetSupportCalendarExceptionPayload",
  "exception",
  SupportCalendarException,
  "exception as stored",
);
export const RemoveSupportCalendarExceptionPayload = PayloadType(
  "RemoveSupportCalendarExceptionPayload",
  "exception",
  SupportCalendarException,
  "exception that was removed",
);
