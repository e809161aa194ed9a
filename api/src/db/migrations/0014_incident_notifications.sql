CREATE TYPE "public"."notification_topic" AS ENUM('OUTAGE_STARTED', 'OUTAGE_REMINDER', 'OUTAGE_RECOVERED', 'BACKUP_STARTED', 'BACKUP_REMINDER', 'BACKUP_RECOVERED');--> statement-breakpoint
CREATE TYPE "public"."monitoring_incident_mail_occasion" AS ENUM('STARTED', 'REMINDER', 'RECOVERED');--> statement-breakpoint
CREATE TABLE "notification_opt_outs" (
	"user_id" uuid NOT NULL,
	"topic" "notification_topic" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_opt_outs_user_id_topic_pk" PRIMARY KEY("user_id","topic")
);
--> statement-breakpoint
CREATE TABLE "monitoring_incident_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"occasion" "monitoring_incident_mail_occasion" NOT NULL,
	"sequence" smallint DEFAULT 0 NOT NULL,
	"recipients" integer NOT NULL,
	"queued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_opt_outs" ADD CONSTRAINT "notification_opt_outs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_incident_mails" ADD CONSTRAINT "monitoring_incident_mails_incident_id_monitoring_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."monitoring_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_incident_mails_once_key" ON "monitoring_incident_mails" USING btree ("incident_id","occasion","sequence");--> statement-breakpoint
CREATE INDEX "monitoring_incidents_resolved_idx" ON "monitoring_incidents" USING btree ("resolved_at") WHERE "monitoring_incidents"."resolved_at" is not null;