-- The tiers' base fees are used below in the same transaction, which ALTER TYPE ... ADD VALUE does not allow: the
-- type is rebuilt.
ALTER TYPE "public"."priced_item" RENAME TO "priced_item_before_base_fee";--> statement-breakpoint
CREATE TYPE "public"."priced_item" AS ENUM('BOOKING', 'HANTERA', 'CONSUMPTION', 'HOSTING', 'MONITORING', 'AGREEMENT_PLUS_500', 'AGREEMENT_BRF');--> statement-breakpoint
ALTER TABLE "list_prices" ALTER COLUMN "item" TYPE "public"."priced_item" USING "item"::text::"public"."priced_item";--> statement-breakpoint
DROP TYPE "public"."priced_item_before_base_fee";--> statement-breakpoint
ALTER TABLE "renewal_quotes" ADD COLUMN "base_fee_item" "priced_item";--> statement-breakpoint
ALTER TABLE "renewal_quotes" ADD COLUMN "base_fee_monthly_minor" integer;--> statement-breakpoint
ALTER TABLE "renewal_quotes" ADD CONSTRAINT "renewal_quotes_base_fee" CHECK (("renewal_quotes"."base_fee_item" is null) = ("renewal_quotes"."base_fee_monthly_minor" is null) and coalesce("renewal_quotes"."base_fee_monthly_minor", 0) >= 0);--> statement-breakpoint
-- The demo base fees, per agreement and month in öre, as the price list's first prices were (0010): Supportavtal
-- 500+ and BRF each have their own. Admins change them with setListPrice; the index clause moves them with the rest.
INSERT INTO "list_prices" ("item", "monthly_price_minor", "currency", "valid_from") VALUES
  ('AGREEMENT_PLUS_500', 295000, 'SEK', '2020-01-01'),
  ('AGREEMENT_BRF', 125000, 'SEK', '2020-01-01');
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;