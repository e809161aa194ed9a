CREATE TYPE "public"."support_message_side" AS ENUM('CUSTOMER', 'VENDOR', 'PARTNER');--> statement-breakpoint
CREATE TYPE "public"."routed_to" AS ENUM('VENDOR', 'PARTNER');--> statement-breakpoint
CREATE TYPE "public"."support_case_category" AS ENUM('PROGRAMMING', 'DAILY_OPERATION', 'TECHNICAL', 'BILLING', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."support_case_status" AS ENUM('OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."support_priority" AS ENUM('HIGH', 'NORMAL');--> statement-breakpoint
CREATE TABLE "support_calendar_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"opens_at" time,
	"closes_at" time,
	"reason" text NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_calendar_exceptions_date_key" UNIQUE("date"),
	CONSTRAINT "support_calendar_exceptions_times" CHECK (("support_calendar_exceptions"."opens_at" is null and "support_calendar_exceptions"."closes_at" is null) or ("support_calendar_exceptions"."opens_at" is not null and "support_calendar_exceptions"."closes_at" > "support_calendar_exceptions"."opens_at"))
);
--> statement-breakpoint
CREATE TABLE "support_calendar_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"message_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_case_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"side" "support_message_side" NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"handover" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_case_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_case_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "support_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"property_id" uuid,
	"agreement_id" uuid,
	"category" "support_case_category" NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"status" "support_case_status" DEFAULT 'OPEN' NOT NULL,
	"routed_to" "routed_to" NOT NULL,
	"partner_id" uuid,
	"routing_reason" text NOT NULL,
	"priority" "support_priority" NOT NULL,
	"response_target_hours" real NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_by_organisation_id" uuid NOT NULL,
	"response_due_at" timestamp with time zone,
	"first_responded_at" timestamp with time zone,
	"assignee_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"weekday" integer NOT NULL,
	"week_from" integer NOT NULL,
	"week_to" integer NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_opening_hours_weekday" CHECK ("support_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "support_opening_hours_weeks" CHECK ("support_opening_hours"."week_from" between 1 and 53 and "support_opening_hours"."week_to" between "support_opening_hours"."week_from" and 53),
	CONSTRAINT "support_opening_hours_times" CHECK ("support_opening_hours"."closes_at" > "support_opening_hours"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "support_response_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"covered_by_agreement" boolean NOT NULL,
	"tier" "tier_code",
	"priority" "support_priority" NOT NULL,
	"open_hours" real NOT NULL,
	CONSTRAINT "support_response_targets_key" UNIQUE NULLS NOT DISTINCT("covered_by_agreement","tier"),
	CONSTRAINT "support_response_targets_tier" CHECK ("support_response_targets"."covered_by_agreement" = ("support_response_targets"."tier" is not null)),
	CONSTRAINT "support_response_targets_hours" CHECK ("support_response_targets"."open_hours" > 0)
);
--> statement-breakpoint
ALTER TABLE "support_calendar_exceptions" ADD CONSTRAINT "support_calendar_exceptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_attachments" ADD CONSTRAINT "support_case_attachments_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_attachments" ADD CONSTRAINT "support_case_attachments_message_id_support_case_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."support_case_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_attachments" ADD CONSTRAINT "support_case_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_messages" ADD CONSTRAINT "support_case_messages_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_messages" ADD CONSTRAINT "support_case_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_pauses" ADD CONSTRAINT "support_case_pauses_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_opened_by_organisation_id_organisations_id_fk" FOREIGN KEY ("opened_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_case_attachments_case_idx" ON "support_case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "support_case_messages_case_idx" ON "support_case_messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "support_case_pauses_case_idx" ON "support_case_pauses" USING btree ("case_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "support_cases_number_key" ON "support_cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "support_cases_customer_idx" ON "support_cases" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "support_cases_partner_idx" ON "support_cases" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "support_cases_due_idx" ON "support_cases" USING btree ("response_due_at");