-- The brochure's support hours: weekdays 08:00–17:00, Fridays 08:00–16:00, and in ISO weeks 20 to 34
-- every open day 08:00–16:00 (Swedish time). Holidays come from date-holidays, not from here.
INSERT INTO "support_opening_hours" ("weekday", "week_from", "week_to", "opens_at", "closes_at") VALUES
  (1, 1, 19, '08:00', '17:00'), (2, 1, 19, '08:00', '17:00'), (3, 1, 19, '08:00', '17:00'), (4, 1, 19, '08:00', '17:00'), (5, 1, 19, '08:00', '16:00'),
  (1, 20, 34, '08:00', '16:00'), (2, 20, 34, '08:00', '16:00'), (3, 20, 34, '08:00', '16:00'), (4, 20, 34, '08:00', '16:00'), (5, 20, 34, '08:00', '16:00'),
  (1, 35, 53, '08:00', '17:00'), (2, 35, 53, '08:00', '17:00'), (3, 35, 53, '08:00', '17:00'), (4, 35, 53, '08:00', '17:00'), (5, 35, 53, '08:00', '16:00');
--> statement-breakpoint
INSERT INTO "support_calendar_revision" ("id", "revision") VALUES (1, 1);
--> statement-breakpoint
-- Every API process caches the precomputed calendar per revision; a trigger (rather than the code
-- that writes) bumps it, so a change by any path, SQL console included, is seen everywhere.
CREATE FUNCTION "bump_support_calendar_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "support_calendar_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "support_opening_hours_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "support_opening_hours"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_support_calendar_revision"();
--> statement-breakpoint
CREATE TRIGGER "support_calendar_exceptions_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "support_calendar_exceptions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_support_calendar_revision"();
--> statement-breakpoint
-- First-response targets in open hours: "Vi lämnar aldrig en kund – oavsett om du har ett Supportavtal
-- eller ej", but an agreement answers faster, and 500+ fastest. A changed promise is an UPDATE here.
INSERT INTO "support_response_targets" ("covered_by_agreement", "tier", "priority", "open_hours") VALUES
  (true, 'PLUS_500', 'HIGH', 4),
  (true, 'BRF', 'HIGH', 8),
  (false, NULL, 'NORMAL', 16);
