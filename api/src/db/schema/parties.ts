import { ROLES } from "@trygg/roles";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

export const organisationKind = pgEnum("organisation_kind", ["VENDOR", "PARTNER", "CUSTOMER"]);
/** The roles are one list with the portal's role checks (@trygg/roles). */
export const role = pgEnum("role", ROLES);

/** The language a user reads Trygg in: the portal, the e-mails sent to them and the documents made for them. */
export const userLanguage = pgEnum("user_language", ["SV", "EN"]);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: organisationKind("kind").notNull(),
    name: text("name").notNull(),
    /** Swedish organisation number, stored as NNNNNN-NNNN. */
    organisationNumber: text("organisation_number").notNull(),
    /** Increases with every correction; an edit sends it back as expectedVersion (STALE_VERSION when behind). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The month (1–12) a customer association holds its annual meeting, when it has said so: the board-check mail
     * goes out after it each year (decision 0072).
     */
    annualMeetingMonth: integer("annual_meeting_month"),
    /**
     * Whom to reach about the organisation (decision 0125): a person, a switchboard or a shared mailbox, kept apart
     * from its users, who change (a BRF's board every spring). Each may be missing.
     */
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /**
     * Set when a vendor admin deactivates the organisation (a customer that leaves, a partner that closes, decision
     * 0085): its users cannot log in, it cannot be chosen for a new agreement; its history stays.
     */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /**
     * The partner that registered this customer (decision 0082): the customer is that partner's, in its scope from
     * the start, before it has properties or agreements. Null for those the vendor registered.
     */
    registeredByPartnerId: uuid("registered_by_partner_id").references((): AnyPgColumn => organisations.id),
  },
  (t) => [
    uniqueIndex("organisations_number_key").on(t.organisationNumber),
    index("organisations_kind_idx").on(t.kind),
    index("organisations_registered_by_partner_idx").on(t.registeredByPartnerId),
    check("organisations_annual_meeting_month", sql`${t.annualMeetingMonth} between 1 and 12`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Always stored lower-case so that log-in and uniqueness ignore case. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: role("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    language: userLanguage("language").notNull().default("SV"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when an admin deactivates the user: no log-in, every session and token ended. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /**
     * Set when the retention period after deactivation has run out (decision 0086): name, e-mail and password are
     * gone, and history shows the user as "former user".
     */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    /** Raised by every change of access (deactivation, reactivation, role): `expectedVersion` guards against one. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_organisation_idx").on(t.organisationId),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export const properties = pgTable(
  "properties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => organisations.id),
    /** The partner that installed and services the system here, if known; it answers daily-operation questions. */
    installerId: uuid("installer_id").references(() => organisations.id),
    name: text("name").notNull(),
    streetAddress: text("street_address").notNull(),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    apartments: integer("apartments").notNull(),
    /** Increases with every correction; an edit sends it back as expectedVersion (STALE_VERSION when behind). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Moved by every write of the row or its parts (triggers, migration 0017): partners sync with `updatedSince`. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("properties_updated_idx").on(t.updatedAt),
    index("properties_customer_idx").on(t.customerId),
    index("properties_installer_idx").on(t.installerId),
    check("properties_apartments_nonnegative", sql`${t.apartments} >= 0`),
  ],
);
