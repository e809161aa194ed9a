import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agreements } from "./agreements.js";
import { organisations, users } from "./parties.js";
import { tierCode } from "./tiers.js";

/** A partner's proposal waits for the vendor, who activates an agreement from it or declines it with a reason. */
export const proposalStatus = pgEnum("proposal_status", ["PROPOSED", "ACTIVATED", "DECLINED"]);

/**
 * A partner's wish for an agreement for one of its customers (decision 0070). It is not an agreement:
 * the seller completes it (the period) and the agreement made from it is the one truth from then on.
 */
export const agreementProposals = pgTable(
  "agreement_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => organisations.id),
    proposedById: uuid("proposed_by_id")
      .notNull()
      .references(() => users.id),
    tier: tierCode("tier").notNull(),
    /** The properties the partner wishes covered, checked to be the customer's when proposed. */
    propertyIds: uuid("property_ids").array().notNull(),
    wishedStartOn: date("wished_start_on", { mode: "string" }).notNull(),
    message: text("message"),
    status: proposalStatus("status").notNull().default("PROPOSED"),
    declineReason: text("decline_reason"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    agreementId: uuid("agreement_id").references(() => agreements.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agreement_proposals_partner_idx").on(t.partnerId),
    index("agreement_proposals_customer_idx").on(t.customerId),
    index("agreement_proposals_status_idx").on(t.status),
    check(
      "agreement_proposals_decided",
      sql`(${t.status} = 'PROPOSED') = (${t.decidedAt} is null) and (${t.status} = 'DECLINED') = (${t.declineReason} is not null) and (${t.status} = 'ACTIVATED') = (${t.agreementId} is not null)`,
    ),
  ],
);
