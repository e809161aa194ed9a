CREATE TABLE "agreement_expiry_notices" (
	"agreement_id" uuid NOT NULL,
	"ends_on" date NOT NULL,
	"told_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_expiry_notices_agreement_id_ends_on_pk" PRIMARY KEY("agreement_id","ends_on")
);
--> statement-breakpoint
ALTER TABLE "agreement_expiry_notices" ADD CONSTRAINT "agreement_expiry_notices_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;