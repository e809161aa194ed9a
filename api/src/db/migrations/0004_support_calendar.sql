CREATE TABLE "support_calendar_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"opens_at" time,
	"closes_at" time,
	"reason" text NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_calendar_exceptions_date_key" UNIQUE("date"),
	CONSTRAINT "support_calendar_exceptions_times" CHECK (("support_calendar_exceptions"."opens_at" is null and "support_calendar_exceptions"."closes_at" is null) or ("support_calendar_exceptions"."opens_at" is not null and "support_calendar_exceptions"."closes_at" > "support_calendar_exceptions"."opens_at"))
);
--> statement-breakpoint
CREATE TABLE "support_calendar_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"weekday" integer NOT NULL,
	"week_from" integer NOT NULL,
	"week_to" integer NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_opening_hours_weekday" CHECK ("support_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "support_opening_hours_weeks" CHECK ("support_opening_hours"."week_from" between 1 and 53 and "support_opening_hours"."week_to" between "support_opening_hours"."week_from" and 53),
	CONSTRAINT "support_opening_hours_times" CHECK ("support_opening_hours"."closes_at" > "support_opening_hours"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "support_calendar_exceptions" ADD CONSTRAINT "support_calendar_exceptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;