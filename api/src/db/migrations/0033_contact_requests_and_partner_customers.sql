CREATE TYPE "public"."contact_request_kind" AS ENUM('HELP', 'AGREEMENT');--> statement-breakpoint
CREATE TABLE "contact_request_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "contact_request_kind" NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"organisation_name" text,
	"organisation_number" text,
	"message" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"answer_due_at" timestamp with time zone NOT NULL,
	"ip_address" text NOT NULL,
	"organisation_id" uuid,
	"linked_by_id" uuid,
	"linked_at" timestamp with time zone,
	CONSTRAINT "contact_requests_linked" CHECK (("contact_requests"."organisation_id" is null) = ("contact_requests"."linked_at" is null) and ("contact_requests"."linked_at" is null) = ("contact_requests"."linked_by_id" is null))
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "registered_by_partner_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_linked_by_id_users_id_fk" FOREIGN KEY ("linked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_requests_unlinked_idx" ON "contact_requests" USING btree ("kind","received_at") WHERE "contact_requests"."organisation_id" is null;--> statement-breakpoint
CREATE INDEX "contact_requests_organisation_idx" ON "contact_requests" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_registered_by_partner_id_organisations_id_fk" FOREIGN KEY ("registered_by_partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_registered_by_partner_idx" ON "organisations" USING btree ("registered_by_partner_id");