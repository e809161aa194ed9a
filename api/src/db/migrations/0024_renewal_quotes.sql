CREATE TYPE "public"."renewal_quote_state" AS ENUM('REQUESTED', 'CONFIRMED', 'DECLINED');--> statement-breakpoint
CREATE TABLE "renewal_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"state" "renewal_quote_state" DEFAULT 'REQUESTED' NOT NULL,
	"renews_end_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"lines" jsonb NOT NULL,
	"yearly_total_minor" integer NOT NULL,
	"currency" text DEFAULT 'SEK' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text
);
--> statement-breakpoint
ALTER TABLE "renewal_quotes" ADD CONSTRAINT "renewal_quotes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_quotes" ADD CONSTRAINT "renewal_quotes_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_quotes" ADD CONSTRAINT "renewal_quotes_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "renewal_quotes_open_key" ON "renewal_quotes" USING btree ("agreement_id") WHERE "renewal_quotes"."state" = 'REQUESTED';--> statement-breakpoint
CREATE INDEX "renewal_quotes_state_idx" ON "renewal_quotes" USING btree ("state");