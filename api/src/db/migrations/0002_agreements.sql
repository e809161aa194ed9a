CREATE TYPE "public"."add_on_kind" AS ENUM('HOSTING', 'MONITORING');--> statement-breakpoint
CREATE TYPE "public"."licence_kind" AS ENUM('BOOKING', 'HANTERA', 'CONSUMPTION');--> statement-breakpoint
CREATE TYPE "public"."product" AS ENUM('MULTI_ACCESS', 'HANTERA', 'APTUSPORTAL');--> statement-breakpoint
CREATE TABLE "add_ons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" "add_on_kind" NOT NULL,
	"hosted_services" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_periods_dates" CHECK ("agreement_periods"."ends_on" >= "agreement_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "agreement_properties" (
	"agreement_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	CONSTRAINT "agreement_properties_agreement_id_property_id_pk" PRIMARY KEY("agreement_id","property_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"tier" "tier_code" NOT NULL,
	"customer_id" uuid NOT NULL,
	"partner_id" uuid,
	"seller_id" uuid,
	"activated_at" timestamp with time zone,
	"terminated_on" date,
	"termination_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hantera_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "installed_versions" (
	"property_id" uuid NOT NULL,
	"product" "product" NOT NULL,
	"version" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "installed_versions_property_id_product_pk" PRIMARY KEY("property_id","product")
);
--> statement-breakpoint
CREATE TABLE "licence_rentals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" "licence_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"monthly_price_minor" integer NOT NULL,
	"currency" text DEFAULT 'SEK' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_on" date,
	"carried_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_rentals_quantity" CHECK ("licence_rentals"."quantity" > 0),
	CONSTRAINT "licence_rentals_price" CHECK ("licence_rentals"."monthly_price_minor" >= 0),
	CONSTRAINT "licence_rentals_dates" CHECK ("licence_rentals"."ends_on" >= "licence_rentals"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "product_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product" "product" NOT NULL,
	"version" text NOT NULL,
	"released_on" date NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "add_ons" ADD CONSTRAINT "add_ons_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_periods" ADD CONSTRAINT "agreement_periods_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_properties" ADD CONSTRAINT "agreement_properties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_properties" ADD CONSTRAINT "agreement_properties_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hantera_accounts" ADD CONSTRAINT "hantera_accounts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installed_versions" ADD CONSTRAINT "installed_versions_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_rentals" ADD CONSTRAINT "licence_rentals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "add_ons_agreement_idx" ON "add_ons" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_periods_sequence_key" ON "agreement_periods" USING btree ("agreement_id","sequence");--> statement-breakpoint
CREATE INDEX "agreement_properties_property_idx" ON "agreement_properties" USING btree ("property_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_number_key" ON "agreements" USING btree ("number");--> statement-breakpoint
CREATE INDEX "agreements_customer_idx" ON "agreements" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "agreements_partner_idx" ON "agreements" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "agreements_seller_idx" ON "agreements" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "hantera_accounts_agreement_idx" ON "hantera_accounts" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hantera_accounts_active_email_key" ON "hantera_accounts" USING btree ("agreement_id","email") WHERE "hantera_accounts"."deactivated_at" is null;--> statement-breakpoint
CREATE INDEX "licence_rentals_agreement_idx" ON "licence_rentals" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_releases_version_key" ON "product_releases" USING btree ("product","version");