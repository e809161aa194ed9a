ALTER TYPE "public"."notification_topic" ADD VALUE 'RENEWAL_REMINDER';--> statement-breakpoint
ALTER TYPE "public"."notification_topic" ADD VALUE 'RENEWAL_DIGEST';--> statement-breakpoint
ALTER TYPE "public"."notification_topic" ADD VALUE 'AGREEMENT_LAPSED';--> statement-breakpoint
CREATE TABLE "agreement_lapses" (
	"agreement_id" uuid NOT NULL,
	"ended_on" date NOT NULL,
	"cause" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_lapses_agreement_id_ended_on_pk" PRIMARY KEY("agreement_id","ended_on")
);
--> statement-breakpoint
CREATE TABLE "renewal_digests" (
	"seller_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"agreements" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_digests_seller_id_week_of_pk" PRIMARY KEY("seller_id","week_of")
);
--> statement-breakpoint
CREATE TABLE "renewal_reminders" (
	"agreement_id" uuid NOT NULL,
	"ends_on" date NOT NULL,
	"days_before" integer NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_reminders_agreement_id_ends_on_days_before_pk" PRIMARY KEY("agreement_id","ends_on","days_before")
);
--> statement-breakpoint
ALTER TABLE "hantera_accounts" ADD COLUMN "over_quota_since" date;--> statement-breakpoint
ALTER TABLE "service_visits" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_visits" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "agreement_lapses" ADD CONSTRAINT "agreement_lapses_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_digests" ADD CONSTRAINT "renewal_digests_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_reminders" ADD CONSTRAINT "renewal_reminders_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;