CREATE TABLE "monitoring_maintenance_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"check_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"cron_expression" text,
	"duration_seconds" integer,
	"time_zone" text DEFAULT 'Europe/Stockholm' NOT NULL,
	"reason" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	CONSTRAINT "monitoring_maintenance_windows_shape" CHECK (("monitoring_maintenance_windows"."cron_expression" is null and "monitoring_maintenance_windows"."duration_seconds" is null and "monitoring_maintenance_windows"."ends_at" is not null) or ("monitoring_maintenance_windows"."cron_expression" is not null and "monitoring_maintenance_windows"."duration_seconds" is not null)),
	CONSTRAINT "monitoring_maintenance_windows_order" CHECK ("monitoring_maintenance_windows"."ends_at" is null or "monitoring_maintenance_windows"."ends_at" > "monitoring_maintenance_windows"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "monitoring_checks" ADD COLUMN "incident_held_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitoring_maintenance_windows" ADD CONSTRAINT "monitoring_maintenance_windows_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_maintenance_windows" ADD CONSTRAINT "monitoring_maintenance_windows_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_maintenance_windows" ADD CONSTRAINT "monitoring_maintenance_windows_check_id_monitoring_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."monitoring_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_maintenance_windows" ADD CONSTRAINT "monitoring_maintenance_windows_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_maintenance_windows" ADD CONSTRAINT "monitoring_maintenance_windows_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_maintenance_windows_property_idx" ON "monitoring_maintenance_windows" USING btree ("property_id","starts_at");--> statement-breakpoint
CREATE INDEX "monitoring_maintenance_windows_check_idx" ON "monitoring_maintenance_windows" USING btree ("check_id");--> statement-breakpoint
CREATE INDEX "monitoring_checks_incident_held_idx" ON "monitoring_checks" USING btree ("incident_held_since") WHERE "monitoring_checks"."incident_held_since" is not null;