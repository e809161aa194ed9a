CREATE TYPE "public"."action_item_owner" AS ENUM('VENDOR', 'PARTNER', 'CUSTOMER');--> statement-breakpoint
CREATE TYPE "public"."action_item_status" AS ENUM('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED');--> statement-breakpoint
CREATE TYPE "public"."review_area" AS ENUM('DATABASE', 'ROUTINES', 'HARDWARE_AND_VERSIONS', 'BACKUPS', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."tailoring_step" AS ENUM('CONTACT', 'REVIEW', 'ACTION_PLAN', 'PRIORITISATION', 'END_DATE', 'DONE');--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"owner" "action_item_owner" NOT NULL,
	"estimate_hours" integer,
	"estimate_minor" integer,
	"status" "action_item_status" DEFAULT 'OPEN' NOT NULL,
	"from_finding_area" "review_area",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_estimates" CHECK (coalesce("action_items"."estimate_hours", 0) >= 0 and coalesce("action_items"."estimate_minor", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tailoring_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"prioritised_at" timestamp with time zone,
	"prioritised_by_id" uuid,
	"priorities_confirmed_at" timestamp with time zone,
	"priorities_confirmed_by_id" uuid,
	"proposed_end_on" date,
	"vendor_agreed_by_id" uuid,
	"customer_agreed_by_id" uuid,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tailoring_id" uuid NOT NULL,
	"meeting_on" date NOT NULL,
	"attendees" text[] NOT NULL,
	"findings" jsonb NOT NULL,
	"notes" text,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tailoring_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tailoring_id" uuid NOT NULL,
	"step" "tailoring_step" NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tailorings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"current_step" "tailoring_step" NOT NULL,
	"steps_to_redo" "tailoring_step"[] DEFAULT '{}' NOT NULL,
	"request_message" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_action_plan_id_action_plans_id_fk" FOREIGN KEY ("action_plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_tailoring_id_tailorings_id_fk" FOREIGN KEY ("tailoring_id") REFERENCES "public"."tailorings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_prioritised_by_id_users_id_fk" FOREIGN KEY ("prioritised_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_priorities_confirmed_by_id_users_id_fk" FOREIGN KEY ("priorities_confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_vendor_agreed_by_id_users_id_fk" FOREIGN KEY ("vendor_agreed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_customer_agreed_by_id_users_id_fk" FOREIGN KEY ("customer_agreed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_reviews" ADD CONSTRAINT "system_reviews_tailoring_id_tailorings_id_fk" FOREIGN KEY ("tailoring_id") REFERENCES "public"."tailorings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_reviews" ADD CONSTRAINT "system_reviews_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailoring_events" ADD CONSTRAINT "tailoring_events_tailoring_id_tailorings_id_fk" FOREIGN KEY ("tailoring_id") REFERENCES "public"."tailorings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailoring_events" ADD CONSTRAINT "tailoring_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailorings" ADD CONSTRAINT "tailorings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_plan_idx" ON "action_items" USING btree ("action_plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plans_tailoring_key" ON "action_plans" USING btree ("tailoring_id");--> statement-breakpoint
CREATE INDEX "system_reviews_tailoring_idx" ON "system_reviews" USING btree ("tailoring_id");--> statement-breakpoint
CREATE INDEX "tailoring_events_tailoring_idx" ON "tailoring_events" USING btree ("tailoring_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tailorings_agreement_key" ON "tailorings" USING btree ("agreement_id");