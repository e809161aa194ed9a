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
--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "service_visits" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "properties_updated_idx" ON "properties" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "agreements_updated_idx" ON "agreements" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "support_cases_updated_idx" ON "support_cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "service_visits_updated_idx" ON "service_visits" USING btree ("updated_at");--> statement-breakpoint
-- Issue 22, incremental sync: `updated_at` moves with every write of an agreement, property, visit or support case, or
-- of one of its parts, so no service has to remember it (decision 0058). Existing rows start at their creation.
UPDATE "agreements" SET "updated_at" = "created_at";--> statement-breakpoint
UPDATE "properties" SET "updated_at" = "created_at";--> statement-breakpoint
UPDATE "service_visits" SET "updated_at" = "created_at";--> statement-breakpoint
-- A write that sets updated_at itself (a service's request time, the demo's lived time) keeps its value.
CREATE FUNCTION "trygg_touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."updated_at" IS NOT DISTINCT FROM OLD."updated_at" THEN
    NEW."updated_at" := greatest(now(), OLD."updated_at");
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "agreements_touch" BEFORE UPDATE ON "agreements" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "properties_touch" BEFORE UPDATE ON "properties" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "service_visits_touch" BEFORE UPDATE ON "service_visits" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "support_cases_touch" BEFORE UPDATE ON "support_cases" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_updated_at"();--> statement-breakpoint
-- A part written moves its whole: TG_ARGV names the parent table and the part's column that points at it. Once per
-- transaction and parent is enough (now() is the transaction's start), so a parent already at now() is left alone.
CREATE FUNCTION "trygg_touch_parent"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_id uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    parent_id := (to_jsonb(OLD) ->> TG_ARGV[1])::uuid;
  ELSE
    parent_id := (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
  END IF;
  IF parent_id IS NOT NULL THEN
    EXECUTE format('UPDATE %I SET updated_at = now() WHERE id = $1 AND updated_at < now()', TG_ARGV[0]) USING parent_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "agreement_properties_touch" AFTER INSERT OR UPDATE OR DELETE ON "agreement_properties" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('agreements', 'agreement_id');--> statement-breakpoint
CREATE TRIGGER "agreement_periods_touch" AFTER INSERT OR UPDATE OR DELETE ON "agreement_periods" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('agreements', 'agreement_id');--> statement-breakpoint
CREATE TRIGGER "licence_rentals_touch" AFTER INSERT OR UPDATE OR DELETE ON "licence_rentals" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('agreements', 'agreement_id');--> statement-breakpoint
CREATE TRIGGER "add_ons_touch" AFTER INSERT OR UPDATE OR DELETE ON "add_ons" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('agreements', 'agreement_id');--> statement-breakpoint
CREATE TRIGGER "hantera_accounts_touch" AFTER INSERT OR UPDATE OR DELETE ON "hantera_accounts" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('agreements', 'agreement_id');--> statement-breakpoint
CREATE TRIGGER "service_visit_bookings_touch" AFTER INSERT OR UPDATE OR DELETE ON "service_visit_bookings" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('service_visits', 'visit_id');--> statement-breakpoint
CREATE TRIGGER "visit_checks_touch" AFTER INSERT OR UPDATE OR DELETE ON "visit_checks" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('service_visits', 'visit_id');--> statement-breakpoint
CREATE TRIGGER "visit_protocol_versions_touch" AFTER INSERT OR UPDATE OR DELETE ON "visit_protocol_versions" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('service_visits', 'visit_id');--> statement-breakpoint
CREATE TRIGGER "support_case_messages_touch" AFTER INSERT OR UPDATE OR DELETE ON "support_case_messages" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('support_cases', 'case_id');--> statement-breakpoint
CREATE TRIGGER "support_case_pauses_touch" AFTER INSERT OR UPDATE OR DELETE ON "support_case_pauses" FOR EACH ROW EXECUTE FUNCTION "trygg_touch_parent"('support_cases', 'case_id');
