import { describe, expect, it } from "vitest";
import { calendarAttachment, visitCancellationIcs, visitIcs, visitRequestIcs } from "./visit-calendar.js";

const event = {
  visitId: "7d0f6b1e-0000-4000-8000-000000000001",
  scheduledAt: new Date("2027-03-10T07:30:00Z"),
  title: "Supportbesök TR-2027-0001",
  description: "Årligt supportbesök.",
};

/**
 * The content lines of an iCalendar text: CRLF ends a line, and a line that begins with a space continues the one
 * before.
 */
const contentLines = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");

describe("the visit as an .ics", () => {
  it("keeps a line break in the address inside LOCATION, escaped as RFC 5545 asks, whether it is CR, LF or CRLF", () => {
    for (const br of ["\r", "\n", "\r\n"]) {
      const ics = visitIcs({
        ...event,
        location: `Kv. Stigberget 2, Gatan 1${br}ATTENDEE:mailto:attacker@example.com`,
      });
      // No bare CR or LF anywhere: only CRLF ends a line.
      expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const lines = contentLines(ics);
      expect(lines.filter((l) => l.startsWith("ATTENDEE"))).toEqual([]);
      expect(lines).toContain("LOCATION:Kv. Stigberget 2\\, Gatan 1\\nATTENDEE:mailto:attacker@example.com");
    }
  });

  it("drops other control characters, which a TEXT value may not hold, from every text", () => {
    const ics = visitIcs({
      ...event,
      title: "Supportbesök\u0000\u001b[31m",
      description: "Rad ett\u000bRad två",
      location: "Gatan 1\u007f",
    });
    // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(contentLines(ics)).toEqual(
      expect.arrayContaining(["SUMMARY:Supportbesök[31m", "DESCRIPTION:Rad ettRad två", "LOCATION:Gatan 1"]),
    );
  });
});

describe("an .ics as a mail's attachment", () => {
  const event = {
    visitId: "v-1",
    scheduledAt: new Date("2027-01-22T08:00:00Z"),
    title: "T",
    description: "D",
    location: "L",
  };
  const person = { name: "Tomas", email: "tomas@example.com" };
  it("names in its content type the METHOD the file carries, for a publication, an invitation and a cancellation", () => {
    const cases: [string, string][] = [
      ["PUBLISH", visitIcs(event)],
      ["REQUEST", visitRequestIcs({ ...event, sequence: 1, organizer: person, attendees: [person] })],
      ["CANCEL", visitCancellationIcs({ ...event, sequence: 2 })],
    ];
    for (const [method, ics] of cases) {
      const attachment = calendarAttachment("x.ics", ics);
      expect(ics).toContain(`METHOD:${method}`);
      expect(attachment.contentType).toBe(`text/calendar; charset=utf-8; method=${method}`);
      expect(attachment.content.toString("utf8")).toBe(ics);
    }
  });
});
