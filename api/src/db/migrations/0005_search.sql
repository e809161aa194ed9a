-- Typo-tolerant search (modules/search): trigram matching on names, numbers and addresses.
-- pg_trgm is a trusted extension: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- One folding for the indexes and the queries alike, so that "vastkust" finds "Västkust" and the
-- planner sees the same expression in both.
CREATE OR REPLACE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(lower($1), 'åäöéèüáàæø', 'aaoeeuaaao') $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_name_trgm_idx" ON "organisations" USING gin (search_fold("name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_number_trgm_idx" ON "organisations" USING gin (replace("organisation_number", '-', '') gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "properties_name_trgm_idx" ON "properties" USING gin (search_fold("name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "properties_address_trgm_idx" ON "properties" USING gin (search_fold("street_address" || ' ' || "postal_code" || ' ' || "city") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "agreements_number_trgm_idx" ON "agreements" USING gin (lower("number") gin_trgm_ops);
