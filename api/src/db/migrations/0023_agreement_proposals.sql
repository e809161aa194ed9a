CREATE TYPE "public"."proposal_status" AS ENUM('PROPOSED', 'ACTIVATED', 'DECLINED');--> statement-breakpoint
CREATE TABLE "agreement_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"proposed_by_id" uuid NOT NULL,
	"tier" "tier_code" NOT NULL,
	"property_ids" uuid[] NOT NULL,
	"wished_start_on" date NOT NULL,
	"message" text,
	"status" "proposal_status" DEFAULT 'PROPOSED' NOT NULL,
	"decline_reason" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"agreement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_proposals_decided" CHECK (("agreement_proposals"."status" = 'PROPOSED') = ("agreement_proposals"."decided_at" is null) and ("agreement_proposals"."status" = 'DECLINED') = ("agreement_proposals"."decline_reason" is not null) and ("agreement_proposals"."status" = 'ACTIVATED') = ("agreement_proposals"."agreement_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "agreement_proposals" ADD CONSTRAINT "agreement_proposals_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_proposals" ADD CONSTRAINT "agreement_proposals_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_proposals" ADD CONSTRAINT "agreement_proposals_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_proposals" ADD CONSTRAINT "agreement_proposals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_proposals" ADD CONSTRAINT "agreement_proposals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_proposals_partner_idx" ON "agreement_proposals" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "agreement_proposals_customer_idx" ON "agreement_proposals" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "agreement_proposals_status_idx" ON "agreement_proposals" USING btree ("status");