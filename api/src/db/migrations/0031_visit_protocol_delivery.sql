ALTER TABLE "service_visits" ADD COLUMN "protocol_version" integer;--> statement-breakpoint
ALTER TABLE "service_visits" ADD COLUMN "protocol_sent_version" integer;--> statement-breakpoint
CREATE INDEX "service_visits_protocol_unsent_idx" ON "service_visits" USING btree ("id") WHERE "service_visits"."protocol_version" > coalesce("service_visits"."protocol_sent_version", 0);--> statement-breakpoint
-- Every protocol frozen before this counts as delivered: upgrading must not mail old protocols again. The
-- backfill is bookkeeping, not a change partners should sync, so updated_at stays as it was.
ALTER TABLE "service_visits" DISABLE TRIGGER "service_visits_touch";--> statement-breakpoint
UPDATE "service_visits" v SET "protocol_version" = p."version", "protocol_sent_version" = p."version"
  FROM (SELECT "visit_id", max("version") AS "version" FROM "visit_protocol_versions" GROUP BY "visit_id") p
  WHERE p."visit_id" = v."id";--> statement-breakpoint
ALTER TABLE "service_visits" ENABLE TRIGGER "service_visits_touch";
