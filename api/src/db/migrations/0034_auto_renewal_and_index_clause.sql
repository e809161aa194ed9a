CREATE TABLE "price_index_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"base_month" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_index_series_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "price_index_values" (
	"series_id" uuid NOT NULL,
	"month" date NOT NULL,
	"value" numeric(12, 4) NOT NULL,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_index_values_series_id_month_pk" PRIMARY KEY("series_id","month"),
	CONSTRAINT "price_index_values_month" CHECK (extract(day from "price_index_values"."month") = 1),
	CONSTRAINT "price_index_values_value" CHECK ("price_index_values"."value" > 0)
);
--> statement-breakpoint
CREATE TABLE "price_indexations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"from_month" date NOT NULL,
	"to_month" date NOT NULL,
	"valid_from" date NOT NULL,
	"outcome" text NOT NULL,
	"lines" jsonb NOT NULL,
	"reason" text NOT NULL,
	"decided_by_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_indexations_outcome" CHECK ("price_indexations"."outcome" in ('APPLIED', 'CARRIED_FORWARD'))
);
--> statement-breakpoint
CREATE TABLE "auto_renewal_refusals" (
	"agreement_id" uuid NOT NULL,
	"ends_on" date NOT NULL,
	"refused_by_id" uuid NOT NULL,
	"refused_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	CONSTRAINT "auto_renewal_refusals_agreement_id_ends_on_pk" PRIMARY KEY("agreement_id","ends_on")
);
--> statement-breakpoint
CREATE TABLE "auto_renewal_steps" (
	"agreement_id" uuid NOT NULL,
	"ends_on" date NOT NULL,
	"step" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auto_renewal_steps_agreement_id_ends_on_step_pk" PRIMARY KEY("agreement_id","ends_on","step"),
	CONSTRAINT "auto_renewal_steps_step" CHECK ("auto_renewal_steps"."step" in ('NOTICE', 'RENEWED'))
);
--> statement-breakpoint
CREATE TABLE "auto_renewals" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"notice_months" integer NOT NULL,
	"set_by_id" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auto_renewals_notice" CHECK ("auto_renewals"."notice_months" between 1 and 24)
);
--> statement-breakpoint
ALTER TABLE "price_index_values" ADD CONSTRAINT "price_index_values_series_id_price_index_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."price_index_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_index_values" ADD CONSTRAINT "price_index_values_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_indexations" ADD CONSTRAINT "price_indexations_series_id_price_index_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."price_index_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_indexations" ADD CONSTRAINT "price_indexations_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_renewal_refusals" ADD CONSTRAINT "auto_renewal_refusals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_renewal_refusals" ADD CONSTRAINT "auto_renewal_refusals_refused_by_id_users_id_fk" FOREIGN KEY ("refused_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_renewal_steps" ADD CONSTRAINT "auto_renewal_steps_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_renewals" ADD CONSTRAINT "auto_renewals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_renewals" ADD CONSTRAINT "auto_renewals_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "price_indexations_year_key" ON "price_indexations" USING btree ("year");