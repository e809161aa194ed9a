import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, role, users } from "./parties.js";

/**
 * An invitation to become a user of an organisation. Only the SHA-256 of the link's token is kept;
 * resending replaces it (the old link stops working) and moves the expiry. Open while neither
 * accepted nor revoked; one open invitation per address.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Lower-case, as users.email. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: role("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** The user the invitation became. */
    userId: uuid("user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    uniqueIndex("invitations_open_email_key")
      .on(t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("invitations_organisation_idx").on(t.organisationId),
    check("invitations_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/** A password-reset link: the token's SHA-256, valid for an hour, used once. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Who asked: the row is the request's record (an unknown address's request is in the audit trail). */
    ipAddress: text("ip_address"),
    requestId: text("request_id"),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_key").on(t.tokenHash),
    index("password_resets_user_idx").on(t.userId),
  ],
);

/** Reset-request counters (rate-limiter-flexible's drizzle store), shared by every API process. */
export const accountRequestCounters = pgTable("account_request_counters", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

/**
 * A board handover: the successor's admin invitation and who leaves once it is accepted (decision 0072). Started by
 * an admin of the organisation, or by the vendor recovering a board left without a reachable admin (then `reason`).
 */
export const boardHandovers = pgTable(
  "board_handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id),
    /** Deactivated when the successor accepts (those still active then). */
    leavingUserIds: uuid("leaving_user_ids").array().notNull(),
    startedById: uuid("started_by_id")
      .notNull()
      .references(() => users.id),
    /** Why the vendor stepped in; null for a handover the board started itself. */
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("board_handovers_invitation_key").on(t.invitationId)],
);

/** The yearly "does your board match?" mail: one row per organisation and meeting year, inserted by the pass. */
export const boardChecks = pgTable(
  "board_checks",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    recipients: integer("recipients").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);
