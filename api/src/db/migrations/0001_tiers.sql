-- The two support agreements of the brochure "Aptus Supportavtal". Benefits are data: a new tier
-- or a changed benefit is a row here, never a branch in code.
INSERT INTO "tiers" ("code", "name", "description", "annual_visit", "included_hantera_accounts", "latest_versions", "licence_rentals", "sort_order") VALUES
  ('PLUS_500', '500+', 'For large property owners with many apartments: a favourable pricing model and an annual on-site support visit, protocolled and sent to the customer.', true, 10, true, true, 1),
  ('BRF', 'BRF', 'For the smaller housing cooperative or private landlord: a balanced agreement for one multi-dwelling property.', false, 5, true, true, 2);
