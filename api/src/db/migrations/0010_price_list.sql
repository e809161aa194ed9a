CREATE TYPE "public"."priced_item" AS ENUM('BOOKING', 'HANTERA', 'CONSUMPTION', 'HOSTING', 'MONITORING');--> statement-breakpoint
CREATE TABLE "list_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item" "priced_item" NOT NULL,
	"monthly_price_minor" integer NOT NULL,
	"currency" text DEFAULT 'SEK' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_prices_price" CHECK ("list_prices"."monthly_price_minor" >= 0),
	CONSTRAINT "list_prices_dates" CHECK ("list_prices"."valid_to" is null or "list_prices"."valid_to" >= "list_prices"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "add_ons" ADD COLUMN "monthly_price_minor" integer;--> statement-breakpoint
ALTER TABLE "add_ons" ADD COLUMN "list_price_minor" integer;--> statement-breakpoint
ALTER TABLE "add_ons" ADD COLUMN "currency" text DEFAULT 'SEK' NOT NULL;--> statement-breakpoint
ALTER TABLE "add_ons" ADD COLUMN "price_reason" text;--> statement-breakpoint
ALTER TABLE "licence_rentals" ADD COLUMN "list_price_minor" integer;--> statement-breakpoint
ALTER TABLE "licence_rentals" ADD COLUMN "price_reason" text;--> statement-breakpoint
ALTER TABLE "list_prices" ADD CONSTRAINT "list_prices_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "list_prices_item_start_key" ON "list_prices" USING btree ("item","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "list_prices_item_open_key" ON "list_prices" USING btree ("item") WHERE "list_prices"."valid_to" is null;--> statement-breakpoint
ALTER TABLE "add_ons" ADD CONSTRAINT "add_ons_price" CHECK ("add_ons"."monthly_price_minor" >= 0);--> statement-breakpoint
-- The demo price list, per month in öre (SEK): licences per licence, add-ons per agreement. Admins
-- change it with setListPrice; a new price closes this one, which stays as history.
INSERT INTO "list_prices" ("item", "monthly_price_minor", "currency", "valid_from") VALUES
  ('BOOKING', 3000, 'SEK', '2020-01-01'),
  ('HANTERA', 15000, 'SEK', '2020-01-01'),
  ('CONSUMPTION', 400, 'SEK', '2020-01-01'),
  ('HOSTING', 149500, 'SEK', '2020-01-01'),
  ('MONITORING', 49500, 'SEK', '2020-01-01');
