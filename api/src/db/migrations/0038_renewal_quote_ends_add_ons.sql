ALTER TABLE "add_ons" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "add_ons" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "renewal_quotes" ADD COLUMN "ending" jsonb DEFAULT '[]'::jsonb NOT NULL;