import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { organisations, users } from "../../db/schema/index.js";
import { TIME_ZONE } from "../../shared/dates.js";
import { queueEmail } from "../notifications/index.js";
import type { SupportCaseRow } from "./support-case.service.js";
import { PARTNER_CASE_HANDLERS, VENDOR_CASE_TEAM } from "./support.roles.js";

const when = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

function swedishTime(at: Date | number): string {
  return when.format(at);
}

/** Whom to tell about a case: its assignee, else the team it is routed to (vendor support or the partner's staff). */
async function teamOf(db: DbOrTx, c: SupportCaseRow): Promise<string[]> {
  if (c.assigneeId) {
    const [a] = await db.select({ email: users.email }).from(users).where(eq(users.id, c.assigneeId));
    if (a) return [a.email];
  }
  if (c.routedTo === "PARTNER" && c.partnerId) {
    return (
      await db
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.organisationId, c.partnerId), inArray(users.role, [...PARTNER_CASE_HANDLERS])))
    ).map((u) => u.email);
  }
  return (
    await db
      .select({ email: users.email })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(organisations.kind, "VENDOR"), inArray(users.role, [...VENDOR_CASE_TEAM])))
  ).map((u) => u.email);
}

/** The customer's receipt: the case number and when to expect an answer, and when support opens if it is closed now. */
export async function sendReceipt(
  db: DbOrTx,
  c: SupportCaseRow,
  to: string,
  facts: { openNow: boolean; nextOpening: number; answeredBy: string },
) {
  const due = c.responseDueAt ? `Du får svar senast ${swedishTime(c.responseDueAt)}.` : "";
  const closed = facts.openNow ? "" : `Supporten är stängd just nu och öppnar ${swedishTime(facts.nextOpening)}.`;
  await queueEmail(db, {
    to,
    subject: `Ärende ${c.number} är mottaget: ${c.subject}`,
    body: [
      `Tack! Vi har tagit emot ditt ärende ${c.number}.`,
      `Det besvaras av ${facts.answeredBy}.`,
      due,
      closed,
      "",
      `Case ${c.number} received.`,
    ]
      .filter((l) => l !== null)
      .join("\n"),
  });
}

export async function tellTeamOfNewCase(db: DbOrTx, c: SupportCaseRow, customerName: string) {
  for (const to of await teamOf(db, c)) {
    await queueEmail(db, {
      to,
      subject: `Nytt supportärende ${c.number} (${c.priority}): ${c.subject}`,
      body: `${customerName} har öppnat ärende ${c.number} (${c.category}).\nSvar senast: ${c.responseDueAt ? swedishTime(c.responseDueAt) : "–"}\n\n${c.description}`,
    });
  }
}

/** An escalation from a silent installer: the vendor's support team (the case is routed to it now) is told why. */
export async function tellTeamOfEscalation(
  db: DbOrTx,
  c: SupportCaseRow,
  names: { customer: string; partner: string },
) {
  for (const to of await teamOf(db, c)) {
    await queueEmail(db, {
      to,
      subject: `Eskalerat ärende ${c.number} (${c.priority}): ${c.subject}`,
      body: `${names.partner || "Installatören"} har inte svarat på ${names.customer}s ärende ${c.number} inom svarstiden, som gick ut ${c.responseDueAt ? swedishTime(c.responseDueAt) : "–"}. Ärendet ligger nu i Aptus supports kö.\n\n${c.description}`,
    });
  }
}

/** The same escalation as the installer hears it: the case it had (`before`) has left its queue, and why. */
export async function tellPartnerOfEscalation(db: DbOrTx, before: SupportCaseRow) {
  for (const to of await teamOf(db, before)) {
    await queueEmail(db, {
      to,
      subject: `Ärende ${before.number} har gått till Aptus support: ${before.subject}`,
      body: `Ärende ${before.number} fick inget svar inom svarstiden och har flyttats till Aptus supports kö. Ni behöver inte göra något mer med det.`,
    });
  }
}

/** A reply: the customer's goes to the assignee or team; the staff's to the person who opened the case. */
export async function tellOfReply(db: DbOrTx, c: SupportCaseRow, fromCustomer: boolean, body: string) {
  let recipients: string[];
  if (fromCustomer) recipients = await teamOf(db, c);
  // A case monitoring opened has no person behind it: the customer's admins hear of it elsewhere (issue 20).
  else if (!c.openedBy) recipients = [];
  else
    recipients = (await db.select({ email: users.email }).from(users).where(eq(users.id, c.openedBy))).map(
      (u) => u.email,
    );
  for (const to of recipients) {
    await queueEmail(db, {
      to,
      subject: `Nytt svar i ärende ${c.number}: ${c.subject}`,
      body: `${body}\n\nSvara i Trygg-portalen.`,
    });
  }
}
