CREATE TABLE "board_checks" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_checks_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "board_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"leaving_user_ids" uuid[] NOT NULL,
	"started_by_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "annual_meeting_month" integer;--> statement-breakpoint
ALTER TABLE "board_checks" ADD CONSTRAINT "board_checks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_handovers" ADD CONSTRAINT "board_handovers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_handovers" ADD CONSTRAINT "board_handovers_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_handovers" ADD CONSTRAINT "board_handovers_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_handovers_invitation_key" ON "board_handovers" USING btree ("invitation_id");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_annual_meeting_month" CHECK ("organisations"."annual_meeting_month" between 1 and 12);