import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./parties.js";
import { supportCases } from "./support.js";

/** What a sender without an account asks for: help (the support queue) or to be contacted about an agreement. */
export const contactRequestKind = pgEnum("contact_request_kind", ["HELP", "AGREEMENT"]);

/**
 * A request sent from the public contact page by someone Trygg does not know yet (decision 0081): a property owner
 * without an agreement, a board member without an account. It waits, unlinked, in the support queue (help) or the
 * sellers' leads (agreement) until staff link it to an organisation, an existing one or one they register from it.
 */
export const contactRequests = pgTable(
  "contact_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: contactRequestKind("kind").notNull(),
    name: text("name").notNull(),
    /** Stored lower-case: the rate limit per e-mail and the receipt use it. */
    email: text("email").notNull(),
    phone: text("phone"),
    /** The organisation as the sender named it (a BRF, a company), and its number when given. */
    organisationName: text("organisation_name"),
    organisationNumber: text("organisation_number"),
    message: text("message").notNull(),
    /** The sender ticked "the whole system is down": a help request's case is then SYSTEM_DOWN, else a QUESTION. */
    systemDown: boolean("system_down").notNull().default(false),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    /** The answer time promised in the receipt, counted on the support calendar when it was sent. */
    answerDueAt: timestamp("answer_due_at", { withTimezone: true }).notNull(),
    /** The network address it came from, kept to see a sender's pace (the limit counts it too). */
    ipAddress: text("ip_address").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    linkedById: uuid("linked_by_id").references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
    /** The support case a help request became when it was linked to its customer (decision 0092). */
    supportCaseId: uuid("support_case_id").references(() => supportCases.id),
  },
  (t) => [
    index("contact_requests_unlinked_idx")
      .on(t.kind, t.receivedAt)
      .where(sql`${t.organisationId} is null`),
    index("contact_requests_organisation_idx").on(t.organisationId),
    check("contact_requests_case_when_linked", sql`${t.supportCaseId} is null or ${t.organisationId} is not null`),
    check(
      "contact_requests_linked",
      sql`(${t.organisationId} is null) = (${t.linkedAt} is null) and (${t.linkedAt} is null) = (${t.linkedById} is null)`,
    ),
  ],
);

/** The contact page's rate-limit counters (rate-limiter-flexible's drizzle store), shared by every API process. */
export const contactRequestCounters = pgTable("contact_request_counters", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
