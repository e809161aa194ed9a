import { MAIL_DATES, SIGN_OFF, mailKind } from "../notifications/index.js";

/**
 * The mails about booking a visit, each in its reader's language (decision 0089), with the words of the calendar
 * entry they carry: a reader's calendar shows the visit in their language too. What staff typed (a reason, a note)
 * is quoted as written. The protocol's own mail is worded in protocol-words.ts, beside its PDF.
 */

interface Calendared {
  subject: string;
  body: string;
  calendarTitle: string;
  calendarText: string;
}

interface BookingFacts {
  number: string;
  location: string;
  at: Date;
  technician: string;
  /** Null for the first booking; for a move, the reason given (or "" when none was). */
  movedBecause: string | null;
}

const example = {
  number: "TR-2026-0042",
  location: "BRF Solgläntan, Solvägen 1, Umeå",
  at: new Date("2026-05-04T07:00:00Z"),
  technician: "Tove Tekniker",
};

/** The booking (movedBecause null) or a move, with an invitation the calendar applies to the event it has. */
export const VISIT_BOOKED_MAIL = mailKind<BookingFacts, Calendared>(
  "visitBooked",
  {
    SV: (f) => {
      const when = MAIL_DATES.SV.at(f.at);
      const moved = f.movedBecause !== null;
      return {
        subject: `${moved ? "Flyttat" : "Bokat"}: supportbesök ${when} (${f.number})`,
        body:
          `Hej!\n\n` +
          (moved
            ? `Supportbesöket på ${f.location} (avtal ${f.number}) är flyttat till ${when}.${f.movedBecause ? ` Orsak: ${f.movedBecause}` : ""}`
            : `Supportbesöket på ${f.location} (avtal ${f.number}) är bokat ${when} med ${f.technician}.`) +
          `\n\nBifogad kalenderfil lägger in besöket i kalendern${moved ? " eller flyttar det som redan finns där" : ""}.\n\n${SIGN_OFF.SV}`,
        calendarTitle: `Supportbesök ${f.number}`,
        calendarText: `Årligt supportbesök, tekniker ${f.technician}.`,
      };
    },
    EN: (f) => {
      const when = MAIL_DATES.EN.at(f.at);
      const moved = f.movedBecause !== null;
      return {
        subject: `${moved ? "Moved" : "Booked"}: support visit ${when} (${f.number})`,
        body:
          `Hello,\n\n` +
          (moved
            ? `The support visit at ${f.location} (agreement ${f.number}) is moved to ${when}.${f.movedBecause ? ` Reason: ${f.movedBecause}` : ""}`
            : `The support visit at ${f.location} (agreement ${f.number}) is booked for ${when} with ${f.technician}.`) +
          `\n\nThe attached calendar file adds the visit to your calendar${moved ? " or moves the one already there" : ""}.\n\n${SIGN_OFF.EN}`,
        calendarTitle: `Support visit ${f.number}`,
        calendarText: `Annual support visit, technician ${f.technician}.`,
      };
    },
  },
  { ...example, movedBecause: "Teknikern är sjuk." },
);

/** A called-off visit, with the cancellation the calendar removes the event by. */
export const VISIT_CANCELLED_MAIL = mailKind<
  { number: string; location: string; at: Date; reason: string },
  Calendared
>(
  "visitCancelled",
  {
    SV: (f) => ({
      subject: `Inställt: supportbesök ${MAIL_DATES.SV.day(f.at)} (${f.number})`,
      body: `Hej!\n\nDet bokade supportbesöket ${MAIL_DATES.SV.at(f.at)} på ${f.location} (avtal ${f.number}) är inställt: ${f.reason}\n\nBifogad kalenderfil tar bort besöket ur kalendern.\n\n${SIGN_OFF.SV}`,
      calendarTitle: `Supportbesök ${f.number}`,
      calendarText: `Inställt: ${f.reason}`,
    }),
    EN: (f) => ({
      subject: `Cancelled: support visit ${MAIL_DATES.EN.day(f.at)} (${f.number})`,
      body: `Hello,\n\nThe support visit booked for ${MAIL_DATES.EN.at(f.at)} at ${f.location} (agreement ${f.number}) is cancelled: ${f.reason}\n\nThe attached calendar file removes the visit from your calendar.\n\n${SIGN_OFF.EN}`,
      calendarTitle: `Support visit ${f.number}`,
      calendarText: `Cancelled: ${f.reason}`,
    }),
  },
  { ...example, reason: "avtal TR-2026-0042 löpte ut 2026-04-01" },
);

/** 14 days and 1 day before a booked visit, with the visit as a calendar entry. */
export const VISIT_REMINDER_MAIL = mailKind<BookingFacts & { daysAhead: number }, Calendared>(
  "visitReminder",
  {
    SV: (f) => {
      const when = MAIL_DATES.SV.at(f.at);
      const ahead = f.daysAhead === 0 ? "i dag" : f.daysAhead === 1 ? "i morgon" : `om ${f.daysAhead} dagar`;
      return {
        subject: `Påminnelse: supportbesök ${when} (${f.number})`,
        body: `Hej!\n\nDet årliga supportbesöket för avtal ${f.number} är ${ahead}, ${when}, på ${f.location}. Tekniker: ${f.technician}.\n\n${SIGN_OFF.SV}`,
        calendarTitle: `Supportbesök ${f.number}`,
        calendarText: `Årligt supportbesök, tekniker ${f.technician}.`,
      };
    },
    EN: (f) => {
      const when = MAIL_DATES.EN.at(f.at);
      const ahead = f.daysAhead === 0 ? "today" : f.daysAhead === 1 ? "tomorrow" : `in ${f.daysAhead} days`;
      return {
        subject: `Reminder: support visit ${when} (${f.number})`,
        body: `Hello,\n\nThe annual support visit for agreement ${f.number} is ${ahead}, ${when}, at ${f.location}. Technician: ${f.technician}.\n\n${SIGN_OFF.EN}`,
        calendarTitle: `Support visit ${f.number}`,
        calendarText: `Annual support visit, technician ${f.technician}.`,
      };
    },
  },
  { ...example, movedBecause: null, daysAhead: 14 },
);

interface TimesFacts {
  name: string;
  number: string;
  location: string;
  times: readonly Date[];
  note: string | null;
  link: string;
  expiresAt: Date;
  /** New times for a visit already booked at this time (decision 0093): the booking stands until the answer. */
  bookedAt: Date | null;
}

/** The proposed times to one customer admin, with that admin's own answer link. */
export const VISIT_TIMES_MAIL = mailKind<TimesFacts>(
  "visitTimesProposed",
  {
    SV: (f) => ({
      subject: f.bookedAt ? `Välj ny tid för supportbesök (${f.number})` : `Välj tid för supportbesök (${f.number})`,
      body:
        `Hej ${f.name}!\n\n` +
        (f.bookedAt
          ? `Vi behöver flytta det årliga supportbesöket på ${f.location} (avtal ${f.number}), bokat ${MAIL_DATES.SV.at(f.bookedAt)}, och föreslår ${f.times.length === 1 ? "den här tiden" : "de här tiderna"} i stället:`
          : `Vi föreslår ${f.times.length === 1 ? "den här tiden" : "de här tiderna"} för det årliga supportbesöket på ${f.location} (avtal ${f.number}):`) +
        `\n\n${f.times.map((t) => `- ${MAIL_DATES.SV.at(t)}`).join("\n")}\n\n` +
        (f.bookedAt ? "Tills du svarar gäller den bokade tiden.\n\n" : "") +
        (f.note ? `${f.note}\n\n` : "") +
        `Välj en tid, eller be om andra tider, här (länken gäller till ${MAIL_DATES.SV.at(f.expiresAt)} och kan användas en gång):\n${f.link}\n\n` +
        `Du kan också svara i Trygg-portalen under Besök.\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject: f.bookedAt
        ? `Choose a new time for the support visit (${f.number})`
        : `Choose a time for the support visit (${f.number})`,
      body:
        `Hello ${f.name},\n\n` +
        (f.bookedAt
          ? `We need to move the annual support visit at ${f.location} (agreement ${f.number}), booked for ${MAIL_DATES.EN.at(f.bookedAt)}, and propose ${f.times.length === 1 ? "this time" : "these times"} instead:`
          : `We propose ${f.times.length === 1 ? "this time" : "these times"} for the annual support visit at ${f.location} (agreement ${f.number}):`) +
        `\n\n${f.times.map((t) => `- ${MAIL_DATES.EN.at(t)}`).join("\n")}\n\n` +
        (f.bookedAt ? "Until you answer, the booked time stands.\n\n" : "") +
        (f.note ? `${f.note}\n\n` : "") +
        `Choose a time, or ask for other times, here (the link is valid until ${MAIL_DATES.EN.at(f.expiresAt)} and can be used once):\n${f.link}\n\n` +
        `You can also answer in the Trygg portal under Visits.\n\n${SIGN_OFF.EN}`,
    }),
  },
  {
    name: "Anna Berg",
    number: example.number,
    location: example.location,
    times: [example.at],
    note: null,
    link: "https://trygg.example/visit-times/tgv_x",
    expiresAt: new Date("2026-04-20T07:00:00Z"),
    bookedAt: null,
  },
);

/** The customer asked for other times: who proposed hears it, with the customer's words. */
export const OTHER_TIMES_ASKED_MAIL = mailKind<{ name: string; number: string; customer: string; note: string }>(
  "visitOtherTimesAsked",
  {
    SV: (f) => ({
      subject: `Kunden ber om andra tider för supportbesök (${f.number})`,
      body:
        `Hej ${f.name}!\n\n${f.customer} passar inte de föreslagna tiderna för supportbesöket (avtal ${f.number})` +
        `${f.note ? ` och skriver:\n\n${f.note}` : "."}\n\nFöreslå nya tider i Trygg-portalen under Besök.\n\n${SIGN_OFF.SV}`,
    }),
    EN: (f) => ({
      subject: `The customer asks for other times for the support visit (${f.number})`,
      body:
        `Hello ${f.name},\n\nThe proposed times for the support visit (agreement ${f.number}) do not suit ${f.customer}` +
        `${f.note ? `, who writes:\n\n${f.note}` : "."}\n\nPropose new times in the Trygg portal under Visits.\n\n${SIGN_OFF.EN}`,
    }),
  },
  { name: "Tove Tekniker", number: example.number, customer: "Anna Berg", note: "Vi kan bara på förmiddagar." },
);
