CREATE TYPE "public"."user_language" AS ENUM('SV', 'EN');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" "user_language" DEFAULT 'SV' NOT NULL;