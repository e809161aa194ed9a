CREATE TABLE "agreement_counts" (
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agreement_counts_scope_scope_id_pk" PRIMARY KEY("scope","scope_id"),
	CONSTRAINT "agreement_counts_scope" CHECK ("agreement_counts"."scope" in ('ALL', 'PARTNER', 'CUSTOMER', 'SELLER'))
);
--> statement-breakpoint
-- Issue 23 (decision 0088): an unfiltered list's totalCount read from one row. A trigger keeps the rows, so no write
-- of an agreement, however it comes, can leave them wrong. The ALL row is one every new agreement's transaction
-- updates: agreements are created by people, a few a minute at most, so that queue is short.
CREATE FUNCTION "trygg_count_agreements"(kind text, id uuid, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "agreement_counts" ("scope", "scope_id", "n") SELECT kind, id, delta WHERE id IS NOT NULL
  ON CONFLICT ("scope", "scope_id") DO UPDATE SET "n" = "agreement_counts"."n" + EXCLUDED."n"
$$;--> statement-breakpoint
CREATE FUNCTION "trygg_agreement_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  everyone constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "trygg_count_agreements"('ALL', everyone, 1);
    PERFORM "trygg_count_agreements"('PARTNER', NEW."partner_id", 1);
    PERFORM "trygg_count_agreements"('CUSTOMER', NEW."customer_id", 1);
    PERFORM "trygg_count_agreements"('SELLER', NEW."seller_id", 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "trygg_count_agreements"('ALL', everyone, -1);
    PERFORM "trygg_count_agreements"('PARTNER', OLD."partner_id", -1);
    PERFORM "trygg_count_agreements"('CUSTOMER', OLD."customer_id", -1);
    PERFORM "trygg_count_agreements"('SELLER', OLD."seller_id", -1);
  ELSE
    IF NEW."partner_id" IS DISTINCT FROM OLD."partner_id" THEN
      PERFORM "trygg_count_agreements"('PARTNER', OLD."partner_id", -1);
      PERFORM "trygg_count_agreements"('PARTNER', NEW."partner_id", 1);
    END IF;
    IF NEW."customer_id" IS DISTINCT FROM OLD."customer_id" THEN
      PERFORM "trygg_count_agreements"('CUSTOMER', OLD."customer_id", -1);
      PERFORM "trygg_count_agreements"('CUSTOMER', NEW."customer_id", 1);
    END IF;
    IF NEW."seller_id" IS DISTINCT FROM OLD."seller_id" THEN
      PERFORM "trygg_count_agreements"('SELLER', OLD."seller_id", -1);
      PERFORM "trygg_count_agreements"('SELLER', NEW."seller_id", 1);
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "agreements_counts" AFTER INSERT OR DELETE OR UPDATE OF "partner_id", "customer_id", "seller_id" ON "agreements" FOR EACH ROW EXECUTE FUNCTION "trygg_agreement_counts"();--> statement-breakpoint
-- The agreements there are already. api/src/seed/scale.sql, which loads with triggers off, does the same at its end.
INSERT INTO "agreement_counts" ("scope", "scope_id", "n")
SELECT 'ALL', '00000000-0000-0000-0000-000000000000'::uuid, count(*) FROM "agreements"
UNION ALL SELECT 'PARTNER', "partner_id", count(*) FROM "agreements" WHERE "partner_id" IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT 'CUSTOMER', "customer_id", count(*) FROM "agreements" GROUP BY 1, 2
UNION ALL SELECT 'SELLER', "seller_id", count(*) FROM "agreements" WHERE "seller_id" IS NOT NULL GROUP BY 1, 2;
