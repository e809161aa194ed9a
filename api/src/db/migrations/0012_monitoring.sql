CREATE TYPE "public"."support_case_source" AS ENUM('PERSON', 'MONITORING');--> statement-breakpoint
CREATE TYPE "public"."monitoring_check_kind" AS ENUM('HEARTBEAT', 'SCHEDULED_JOB', 'BACKUP_JOB');--> statement-breakpoint
CREATE TYPE "public"."monitoring_check_state" AS ENUM('NEW', 'UP', 'LATE', 'DOWN', 'PAUSED');--> statement-breakpoint
CREATE TYPE "public"."monitoring_incident_kind" AS ENUM('OUTAGE', 'BACKUP');--> statement-breakpoint
CREATE TYPE "public"."monitoring_pause_cause" AS ENUM('NOT_COVERED', 'BY_USER');--> statement-breakpoint
CREATE TYPE "public"."monitoring_signal" AS ENUM('SUCCESS', 'START', 'FAIL');--> statement-breakpoint
CREATE TABLE "monitoring_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" "monitoring_check_kind" NOT NULL,
	"name" text NOT NULL,
	"template" text,
	"period_seconds" integer,
	"cron_expression" text,
	"time_zone" text DEFAULT 'Europe/Stockholm' NOT NULL,
	"grace_seconds" integer NOT NULL,
	"run_grace_seconds" integer NOT NULL,
	"failure_threshold" smallint NOT NULL,
	"success_threshold" smallint NOT NULL,
	"state" "monitoring_check_state" DEFAULT 'NEW' NOT NULL,
	"pause_cause" "monitoring_pause_cause",
	"failure_streak" integer DEFAULT 0 NOT NULL,
	"success_streak" integer DEFAULT 0 NOT NULL,
	"expected_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"alert_after" timestamp with time zone,
	"last_ping_at" timestamp with time zone,
	"ping_key_prefix" text NOT NULL,
	"ping_key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_checks_schedule" CHECK (("monitoring_checks"."kind" = 'HEARTBEAT' and "monitoring_checks"."period_seconds" is not null and "monitoring_checks"."cron_expression" is null) or ("monitoring_checks"."kind" <> 'HEARTBEAT' and "monitoring_checks"."cron_expression" is not null and "monitoring_checks"."period_seconds" is null)),
	CONSTRAINT "monitoring_checks_thresholds" CHECK ("monitoring_checks"."failure_threshold" between 1 and 10 and "monitoring_checks"."success_threshold" between 1 and 10),
	CONSTRAINT "monitoring_checks_graces" CHECK ("monitoring_checks"."grace_seconds" >= 0 and "monitoring_checks"."run_grace_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "monitoring_flips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"from_state" "monitoring_check_state" NOT NULL,
	"to_state" "monitoring_check_state" NOT NULL,
	"happened_at" timestamp with time zone NOT NULL,
	"reason" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"kind" "monitoring_incident_kind" NOT NULL,
	"reason" text,
	"started_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"support_case_id" uuid
);
--> statement-breakpoint
CREATE TABLE "monitoring_ping_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_pings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"signal" "monitoring_signal" NOT NULL,
	"exit_code" smallint,
	"run_id" text,
	"duration_ms" bigint,
	"size_bytes" bigint,
	"body" text,
	"anomaly" text,
	"remote_address" text,
	CONSTRAINT "monitoring_pings_exit_code" CHECK ("monitoring_pings"."exit_code" between 0 and 255),
	CONSTRAINT "monitoring_pings_figures" CHECK ("monitoring_pings"."duration_ms" >= 0 and "monitoring_pings"."size_bytes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "support_case_messages" ALTER COLUMN "author_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "support_cases" ALTER COLUMN "opened_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "source" "support_case_source" DEFAULT 'PERSON' NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_checks" ADD CONSTRAINT "monitoring_checks_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_checks" ADD CONSTRAINT "monitoring_checks_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_checks" ADD CONSTRAINT "monitoring_checks_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_flips" ADD CONSTRAINT "monitoring_flips_check_id_monitoring_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."monitoring_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ADD CONSTRAINT "monitoring_incidents_check_id_monitoring_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."monitoring_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ADD CONSTRAINT "monitoring_incidents_support_case_id_support_cases_id_fk" FOREIGN KEY ("support_case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_pings" ADD CONSTRAINT "monitoring_pings_check_id_monitoring_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."monitoring_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_checks_ping_key_hash_key" ON "monitoring_checks" USING btree ("ping_key_hash");--> statement-breakpoint
CREATE INDEX "monitoring_checks_alert_after_idx" ON "monitoring_checks" USING btree ("alert_after") WHERE "monitoring_checks"."alert_after" is not null;--> statement-breakpoint
CREATE INDEX "monitoring_checks_property_idx" ON "monitoring_checks" USING btree ("property_id");--> statement-breakpoint
CREATE INDEX "monitoring_checks_agreement_idx" ON "monitoring_checks" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "monitoring_checks_customer_idx" ON "monitoring_checks" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_checks_template_key" ON "monitoring_checks" USING btree ("property_id","template");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_flips_once_key" ON "monitoring_flips" USING btree ("check_id","happened_at","to_state");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_incidents_open_key" ON "monitoring_incidents" USING btree ("check_id") WHERE "monitoring_incidents"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "monitoring_incidents_check_idx" ON "monitoring_incidents" USING btree ("check_id","started_at");--> statement-breakpoint
CREATE INDEX "monitoring_pings_check_idx" ON "monitoring_pings" USING btree ("check_id","received_at");