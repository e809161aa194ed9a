DROP INDEX "agreements_customer_idx";--> statement-breakpoint
DROP INDEX "agreements_partner_idx";--> statement-breakpoint
DROP INDEX "agreements_seller_idx";--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "effective_end" date DEFAULT 'infinity'::date NOT NULL;--> statement-breakpoint
CREATE INDEX "agreements_customer_end_idx" ON "agreements" USING btree ("customer_id","effective_end","number");--> statement-breakpoint
CREATE INDEX "agreements_partner_end_idx" ON "agreements" USING btree ("partner_id","effective_end","number");--> statement-breakpoint
CREATE INDEX "agreements_seller_end_idx" ON "agreements" USING btree ("seller_id","effective_end","number");--> statement-breakpoint
CREATE INDEX "agreements_end_idx" ON "agreements" USING btree ("effective_end","number");--> statement-breakpoint
-- Issue 23 (decision 0076): lists sort agreements by the day they really end. Computing it per row from the periods
-- made every page sort all the viewer's agreements; stored, each page is one range of an index above. Triggers keep
-- it, so no service can forget: the agreement's own row recomputes it on every write (termination included), and a
-- period written anywhere rewrites its agreement's row.
CREATE FUNCTION "trygg_agreement_effective_end"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."effective_end" := coalesce(
    (SELECT least(max(p."ends_on"), coalesce(NEW."terminated_on", max(p."ends_on")))
       FROM "agreement_periods" p WHERE p."agreement_id" = NEW."id"),
    'infinity'::date);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "agreements_effective_end" BEFORE INSERT OR UPDATE ON "agreements" FOR EACH ROW EXECUTE FUNCTION "trygg_agreement_effective_end"();--> statement-breakpoint
CREATE FUNCTION "trygg_period_effective_end"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  agreement uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN agreement := OLD."agreement_id"; ELSE agreement := NEW."agreement_id"; END IF;
  -- The row's own trigger above does the computing.
  UPDATE "agreements" SET "effective_end" = "effective_end" WHERE "id" = agreement;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "agreement_periods_effective_end" AFTER INSERT OR UPDATE OR DELETE ON "agreement_periods" FOR EACH ROW EXECUTE FUNCTION "trygg_period_effective_end"();--> statement-breakpoint
-- Existing agreements: the update fires the row trigger, which computes the value. With the touch trigger off, so
-- that partners' incremental sync does not see every agreement as changed.
ALTER TABLE "agreements" DISABLE TRIGGER "agreements_touch";--> statement-breakpoint
UPDATE "agreements" SET "effective_end" = "effective_end";--> statement-breakpoint
ALTER TABLE "agreements" ENABLE TRIGGER "agreements_touch";
