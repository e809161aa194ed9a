CREATE TYPE "public"."check_result" AS ENUM('OK', 'NEEDS_ACTION', 'NOT_APPLICABLE');--> statement-breakpoint
CREATE TYPE "public"."visit_check_kind" AS ENUM('DATABASE_REVIEW', 'ROUTINES', 'HARDWARE_AND_VERSIONS', 'BACKUP_ROUTINES', 'DATABASE_SIZE');--> statement-breakpoint
CREATE TABLE "service_visit_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"technician_id" uuid NOT NULL,
	"reason" text,
	"changed_by_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"technician_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"booked_by_id" uuid,
	"completed_at" timestamp with time zone,
	"completed_by_id" uuid,
	"signed_by_name" text,
	"signed_at" timestamp with time zone,
	"signature_png" text,
	"acknowledged_by_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"protocol_sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_check_kinds" (
	"code" "visit_check_kind" PRIMARY KEY NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" "visit_check_kind" NOT NULL,
	"result" "check_result" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"database_size_mb" double precision,
	"versions" jsonb,
	"action_item_id" uuid,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_checks_size_nonnegative" CHECK (coalesce("visit_checks"."database_size_mb", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "visit_protocol_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"checks" jsonb NOT NULL,
	"reason" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_reminders" (
	"visit_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_reminders_visit_id_days_before_scheduled_at_pk" PRIMARY KEY("visit_id","days_before","scheduled_at")
);
--> statement-breakpoint
ALTER TABLE "service_visit_bookings" ADD CONSTRAINT "service_visit_bookings_visit_id_service_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visit_bookings" ADD CONSTRAINT "service_visit_bookings_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visit_bookings" ADD CONSTRAINT "service_visit_bookings_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_booked_by_id_users_id_fk" FOREIGN KEY ("booked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_completed_by_id_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_acknowledged_by_id_users_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_checks" ADD CONSTRAINT "visit_checks_visit_id_service_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_checks" ADD CONSTRAINT "visit_checks_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_checks" ADD CONSTRAINT "visit_checks_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_visit_id_service_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_protocol_versions" ADD CONSTRAINT "visit_protocol_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_reminders" ADD CONSTRAINT "visit_reminders_visit_id_service_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_visit_bookings_visit_idx" ON "service_visit_bookings" USING btree ("visit_id","changed_at");--> statement-breakpoint
CREATE INDEX "service_visits_agreement_idx" ON "service_visits" USING btree ("agreement_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "service_visits_scheduled_idx" ON "service_visits" USING btree ("scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_checks_kind_key" ON "visit_checks" USING btree ("visit_id","kind");--> statement-breakpoint
CREATE INDEX "visit_checks_action_item_idx" ON "visit_checks" USING btree ("action_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_protocol_versions_key" ON "visit_protocol_versions" USING btree ("visit_id","version");--> statement-breakpoint
-- The five checks of the annual support visit, in the brochure's order: "genomgång av databas, genomgång
-- av rutiner, kontroll av hårdvara (programversioner), kontroll av backuprutiner, kontroll av hur
-- databasens storlek har förändrats". A new check is a row here, never a branch in code.
INSERT INTO "visit_check_kinds" ("code", "title_sv", "title_en", "sort_order") VALUES
  ('DATABASE_REVIEW', 'Genomgång av databasen', 'Database review', 1),
  ('ROUTINES', 'Genomgång av rutiner', 'Review of routines', 2),
  ('HARDWARE_AND_VERSIONS', 'Kontroll av hårdvara och programversioner', 'Hardware and program versions', 3),
  ('BACKUP_ROUTINES', 'Kontroll av backuprutiner', 'Backup routines', 4),
  ('DATABASE_SIZE', 'Databasens storlek och förändring', 'Database size and its change', 5);
