import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agreements } from "./agreements.js";
import { users } from "./parties.js";

export const tailoringStep = pgEnum("tailoring_step", [
  "CONTACT",
  "REVIEW",
  "ACTION_PLAN",
  "PRIORITISATION",
  "END_DATE",
  "DONE",
]);
export const actionItemOwner = pgEnum("action_item_owner", ["VENDOR", "PARTNER", "CUSTOMER"]);
export const actionItemStatus = pgEnum("action_item_status", ["OPEN", "IN_PROGRESS", "DONE", "DROPPED"]);
export const reviewArea = pgEnum("review_area", ["DATABASE", "ROUTINES", "HARDWARE_AND_VERSIONS", "BACKUPS", "OTHER"]);

/** "Vi skräddarsyr tillsammans": one five-step engagement per agreement. */
export const tailorings = pgTable(
  "tailorings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    /** The step to be done now; DONE when all five are. */
    currentStep: tailoringStep("current_step").notNull(),
    /** Steps after a reopened one, to be done again. */
    stepsToRedo: tailoringStep("steps_to_redo")
      .array()
      .notNull()
      .default(sql`'{}'`),
    requestMessage: text("request_message"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tailorings_agreement_key").on(t.agreementId)],
);

/** Everything that happened in a tailoring, in order: who, when, what, and why. Never changed. */
export const tailoringEvents = pgTable(
  "tailoring_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tailoringId: uuid("tailoring_id")
      .notNull()
      .references(() => tailorings.id),
    step: tailoringStep("step").notNull(),
    action: text("action").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tailoring_events_tailoring_idx").on(t.tailoringId, t.occurredAt)],
);

/** Step 2: the first meeting's system review. A reopened review adds a row; the newest counts. */
export const systemReviews = pgTable(
  "system_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tailoringId: uuid("tailoring_id")
      .notNull()
      .references(() => tailorings.id),
    meetingOn: date("meeting_on", { mode: "string" }).notNull(),
    attendees: text("attendees").array().notNull(),
    findings: jsonb("findings").$type<{ area: string; finding: string }[]>().notNull(),
    notes: text("notes"),
    recordedById: uuid("recorded_by_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("system_reviews_tailoring_idx").on(t.tailoringId)],
);

/** Steps 3–5: the action plan, its agreed order and its end date. */
export const actionPlans = pgTable(
  "action_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tailoringId: uuid("tailoring_id")
      .notNull()
      .references(() => tailorings.id),
    /** Bumped by every reorder, so two people reordering at once cannot mix their orders. */
    version: integer("version").notNull().default(1),
    prioritisedAt: timestamp("prioritised_at", { withTimezone: true }),
    prioritisedById: uuid("prioritised_by_id").references(() => users.id),
    prioritiesConfirmedAt: timestamp("priorities_confirmed_at", { withTimezone: true }),
    prioritiesConfirmedById: uuid("priorities_confirmed_by_id").references(() => users.id),
    proposedEndOn: date("proposed_end_on", { mode: "string" }),
    vendorAgreedById: uuid("vendor_agreed_by_id").references(() => users.id),
    customerAgreedById: uuid("customer_agreed_by_id").references(() => users.id),
    endOn: date("end_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("action_plans_tailoring_key").on(t.tailoringId)],
);

export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionPlanId: uuid("action_plan_id")
      .notNull()
      .references(() => actionPlans.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    why: text("why").notNull().default(""),
    owner: actionItemOwner("owner").notNull(),
    estimateHours: integer("estimate_hours"),
    estimateMinor: integer("estimate_minor"),
    status: actionItemStatus("status").notNull().default("OPEN"),
    fromFindingArea: reviewArea("from_finding_area"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("action_items_plan_idx").on(t.actionPlanId, t.position),
    check("action_items_estimates", sql`coalesce(${t.estimateHours}, 0) >= 0 and coalesce(${t.estimateMinor}, 0) >= 0`),
  ],
);
