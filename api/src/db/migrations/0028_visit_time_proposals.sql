CREATE TYPE "public"."visit_time_proposal_status" AS ENUM('OPEN', 'ACCEPTED', 'OTHER_TIMES_REQUESTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TABLE "visit_time_proposal_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "visit_time_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"technician_id" uuid NOT NULL,
	"times" timestamp with time zone[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "visit_time_proposal_status" DEFAULT 'OPEN' NOT NULL,
	"proposed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by_id" uuid,
	"answer_note" text,
	"visit_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_time_proposals_one_to_three" CHECK (cardinality("visit_time_proposals"."times") between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "visit_time_proposal_links" ADD CONSTRAINT "visit_time_proposal_links_proposal_id_visit_time_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."visit_time_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_time_proposal_links" ADD CONSTRAINT "visit_time_proposal_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_time_proposals" ADD CONSTRAINT "visit_time_proposals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_time_proposals" ADD CONSTRAINT "visit_time_proposals_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_time_proposals" ADD CONSTRAINT "visit_time_proposals_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_time_proposals" ADD CONSTRAINT "visit_time_proposals_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_time_proposals" ADD CONSTRAINT "visit_time_proposals_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_time_proposals" ADD CONSTRAINT "visit_time_proposals_visit_id_service_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visit_time_proposal_links_token_hash_key" ON "visit_time_proposal_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "visit_time_proposal_links_proposal_idx" ON "visit_time_proposal_links" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "visit_time_proposals_agreement_idx" ON "visit_time_proposals" USING btree ("agreement_id","created_at");