import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { organisations, users } from "../../db/schema/index.js";
import { queueMail, queueMailToEach, type MailReader } from "../notifications/index.js";
import type { SupportCaseRow } from "./support-case.service.js";
import {
  CASE_ESCALATED_MAIL,
  CASE_LEFT_PARTNER_MAIL,
  CASE_RECEIPT_MAIL,
  CASE_REPLY_MAIL,
  NEW_CASE_MAIL,
} from "./support-case.mails.js";
import { PARTNER_CASE_HANDLERS, VENDOR_CASE_TEAM } from "./support.roles.js";

const reader = { email: users.email, language: users.language };

/** Whom to tell about a case: its assignee, else the team it is routed to (vendor support or the partner's staff). */
async function teamOf(db: DbOrTx, c: SupportCaseRow): Promise<MailReader[]> {
  if (c.assigneeId) {
    const [a] = await db.select(reader).from(users).where(eq(users.id, c.assigneeId));
    if (a) return [a];
  }
  if (c.routedTo === "PARTNER" && c.partnerId) {
    return db
      .select(reader)
      .from(users)
      .where(and(eq(users.organisationId, c.partnerId), inArray(users.role, [...PARTNER_CASE_HANDLERS])));
  }
  return db
    .select(reader)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(organisations.kind, "VENDOR"), inArray(users.role, [...VENDOR_CASE_TEAM])));
}

const caseFacts = (c: SupportCaseRow) => ({ number: c.number, subject: c.subject, responseDueAt: c.responseDueAt });
const fullFacts = (c: SupportCaseRow, customer: string) => ({
  ...caseFacts(c),
  priority: c.priority,
  category: c.category,
  description: c.description,
  customer,
});

/** The customer's receipt: the case number and when to expect an answer, and when support opens if it is closed now. */
export async function sendReceipt(
  db: DbOrTx,
  c: SupportCaseRow,
  openerId: string,
  facts: { openNow: boolean; nextOpening: number; answeredBy: string | null },
) {
  const [opener] = await db.select(reader).from(users).where(eq(users.id, openerId));
  if (opener) await queueMail(db, CASE_RECEIPT_MAIL, opener, { ...caseFacts(c), ...facts });
}

export async function tellTeamOfNewCase(db: DbOrTx, c: SupportCaseRow, customerName: string) {
  await queueMailToEach(db, NEW_CASE_MAIL, await teamOf(db, c), fullFacts(c, customerName));
}

/** An escalation from a silent installer: the vendor's support team (the case is routed to it now) is told why. */
export async function tellTeamOfEscalation(
  db: DbOrTx,
  c: SupportCaseRow,
  names: { customer: string; partner: string },
) {
  await queueMailToEach(db, CASE_ESCALATED_MAIL, await teamOf(db, c), {
    ...fullFacts(c, names.customer),
    partner: names.partner,
  });
}

/** The same escalation as the installer hears it: the case it had (`before`) has left its queue, and why. */
export async function tellPartnerOfEscalation(db: DbOrTx, before: SupportCaseRow) {
  await queueMailToEach(db, CASE_LEFT_PARTNER_MAIL, await teamOf(db, before), caseFacts(before));
}

/** A reply: the customer's goes to the assignee or team; the staff's to the person who opened the case. */
export async function tellOfReply(db: DbOrTx, c: SupportCaseRow, fromCustomer: boolean, body: string) {
  let recipients: MailReader[];
  if (fromCustomer) recipients = await teamOf(db, c);
  // A case monitoring opened has no person behind it: the customer's admins hear of it elsewhere (issue 20).
  else if (!c.openedBy) recipients = [];
  else recipients = await db.select(reader).from(users).where(eq(users.id, c.openedBy));
  await queueMailToEach(db, CASE_REPLY_MAIL, recipients, { ...caseFacts(c), reply: body });
}
