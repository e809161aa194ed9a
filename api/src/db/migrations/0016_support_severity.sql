-- Issue 22: a case's severity (with the tier) sets its priority, its first-response target and its resolution target.
CREATE TYPE "public"."support_case_severity" AS ENUM('SYSTEM_DOWN', 'PARTIAL', 'QUESTION');--> statement-breakpoint
-- URGENT is used below in the same transaction, which ALTER TYPE ... ADD VALUE does not allow: the type is rebuilt.
ALTER TYPE "public"."support_priority" RENAME TO "support_priority_before_urgent";--> statement-breakpoint
CREATE TYPE "public"."support_priority" AS ENUM('URGENT', 'HIGH', 'NORMAL');--> statement-breakpoint
ALTER TABLE "support_response_targets" ALTER COLUMN "priority" TYPE "public"."support_priority" USING "priority"::text::"public"."support_priority";--> statement-breakpoint
ALTER TABLE "support_cases" ALTER COLUMN "priority" TYPE "public"."support_priority" USING "priority"::text::"public"."support_priority";--> statement-breakpoint
DROP TYPE "public"."support_priority_before_urgent";--> statement-breakpoint
ALTER TABLE "support_response_targets" DROP CONSTRAINT "support_response_targets_key";--> statement-breakpoint
-- Today's targets are the PARTIAL row of each tier, so every case opened before keeps what it was promised.
ALTER TABLE "support_response_targets" ADD COLUMN "severity" "support_case_severity" NOT NULL DEFAULT 'PARTIAL';--> statement-breakpoint
ALTER TABLE "support_response_targets" ALTER COLUMN "severity" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "support_response_targets" ADD COLUMN "resolution_open_hours" real;--> statement-breakpoint
UPDATE "support_response_targets" SET "resolution_open_hours" = CASE "tier" WHEN 'PLUS_500' THEN 24 WHEN 'BRF' THEN 40 ELSE 80 END;--> statement-breakpoint
ALTER TABLE "support_response_targets" ALTER COLUMN "resolution_open_hours" SET NOT NULL;--> statement-breakpoint
INSERT INTO "support_response_targets" ("covered_by_agreement", "tier", "severity", "priority", "open_hours", "resolution_open_hours") VALUES
  (true, 'PLUS_500', 'SYSTEM_DOWN', 'URGENT', 1, 8),
  (true, 'BRF', 'SYSTEM_DOWN', 'URGENT', 2, 16),
  (false, NULL, 'SYSTEM_DOWN', 'HIGH', 4, 40),
  (true, 'PLUS_500', 'QUESTION', 'NORMAL', 8, 40),
  (true, 'BRF', 'QUESTION', 'NORMAL', 16, 80),
  (false, NULL, 'QUESTION', 'NORMAL', 24, 120);--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "severity" "support_case_severity" NOT NULL DEFAULT 'PARTIAL';--> statement-breakpoint
ALTER TABLE "support_cases" ALTER COLUMN "severity" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "resolution_target_hours" real;--> statement-breakpoint
UPDATE "support_cases" c SET "resolution_target_hours" = t."resolution_open_hours"
  FROM "support_response_targets" t
  WHERE t."severity" = 'PARTIAL' AND t."covered_by_agreement" = (c."agreement_id" IS NOT NULL)
    AND t."tier" IS NOT DISTINCT FROM (SELECT a."tier" FROM "agreements" a WHERE a."id" = c."agreement_id");--> statement-breakpoint
ALTER TABLE "support_cases" ALTER COLUMN "resolution_target_hours" SET NOT NULL;--> statement-breakpoint
-- Left null for open cases: the escalation sweep computes the missing ones with the calendar (SQL has no calendar).
ALTER TABLE "support_cases" ADD COLUMN "resolution_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
UPDATE "support_cases" SET "resolved_at" = "updated_at" WHERE "status" IN ('RESOLVED', 'CLOSED');--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "support_cases_partner_due_idx" ON "support_cases" USING btree ("response_due_at") WHERE "support_cases"."routed_to" = 'PARTNER' and "support_cases"."first_responded_at" is null;--> statement-breakpoint
ALTER TABLE "support_response_targets" ADD CONSTRAINT "support_response_targets_key" UNIQUE NULLS NOT DISTINCT("covered_by_agreement","tier","severity");--> statement-breakpoint
ALTER TABLE "support_response_targets" ADD CONSTRAINT "support_response_targets_resolution" CHECK ("support_response_targets"."resolution_open_hours" >= "support_response_targets"."open_hours");
