CREATE TYPE "public"."hosted_service" AS ENUM('BOKNING', 'FORBRUKNING', 'FDB', 'APTUSPORTAL', 'HANTERA');--> statement-breakpoint
CREATE TYPE "public"."restore_test_result" AS ENUM('OK', 'FAILED');--> statement-breakpoint
ALTER TYPE "public"."product" ADD VALUE 'BOKNING';--> statement-breakpoint
ALTER TYPE "public"."product" ADD VALUE 'FORBRUKNING';--> statement-breakpoint
ALTER TYPE "public"."product" ADD VALUE 'FDB';--> statement-breakpoint
CREATE TABLE "hosted_service_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"service" "hosted_service" NOT NULL,
	"version_before" text NOT NULL,
	"version_after" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hosted_service_updates_changed" CHECK ("hosted_service_updates"."version_before" <> "hosted_service_updates"."version_after")
);
--> statement-breakpoint
CREATE TABLE "hosting_restore_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"tested_at" timestamp with time zone NOT NULL,
	"backup_taken_at" timestamp with time zone NOT NULL,
	"result" "restore_test_result" NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hosting_restore_tests_order" CHECK ("hosting_restore_tests"."backup_taken_at" <= "hosting_restore_tests"."tested_at")
);
--> statement-breakpoint
ALTER TABLE "hosted_service_updates" ADD CONSTRAINT "hosted_service_updates_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosted_service_updates" ADD CONSTRAINT "hosted_service_updates_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosted_service_updates" ADD CONSTRAINT "hosted_service_updates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_restore_tests" ADD CONSTRAINT "hosting_restore_tests_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_restore_tests" ADD CONSTRAINT "hosting_restore_tests_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_restore_tests" ADD CONSTRAINT "hosting_restore_tests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hosted_service_updates_current_idx" ON "hosted_service_updates" USING btree ("customer_id","service","updated_at");--> statement-breakpoint
CREATE INDEX "hosting_restore_tests_customer_idx" ON "hosting_restore_tests" USING btree ("customer_id","tested_at");