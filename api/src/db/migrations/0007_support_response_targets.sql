-- First-response targets in open hours: "Vi lämnar aldrig en kund – oavsett om du har ett Supportavtal
-- eller ej", but an agreement answers faster, and 500+ fastest. A changed promise is an UPDATE here.
INSERT INTO "support_response_targets" ("covered_by_agreement", "tier", "priority", "open_hours") VALUES
  (true, 'PLUS_500', 'HIGH', 4),
  (true, 'BRF', 'HIGH', 8),
  (false, NULL, 'NORMAL', 16);
