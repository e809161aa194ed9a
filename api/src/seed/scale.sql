-- The scale data set of issue 23: a vendor with a national installer network, generated in SQL so that a hundred
-- thousand agreements load in a minute, not an hour of INSERTs from JavaScript. Reproducible: every id and value is
-- a hash of a fixed seed, the row's kind and its number (no random(), whose values would follow the plan's order).
--
-- Size: `trygg.scale_factor` (set it first, e.g. `SET trygg.scale_factor = '0.01'`); 1 gives
--   10,000 customers, 100,000 agreements (90 % of one partner's), 300,000 properties, 2,000,000 licence rentals,
--   1,000,000 support cases with 2,000,000 messages, 50,000 visits and 100,000 monitoring checks.
-- Needs a database with Trygg's migrations and a superuser (triggers and foreign keys are off while it loads: the
-- rows are made consistent here, effective_end included, and checked by the constraints that stay on).
-- Run by api/src/seed/scale.ts (seedScale) and by `npm run bench` through the same function.

SET session_replication_role = replica;

CREATE FUNCTION pg_temp.r(tag text, i bigint) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT (hashtext('trygg-scale-20261206:' || tag || ':' || i::text)::bigint + 2147483648)::double precision / 4294967296
$$;
CREATE FUNCTION pg_temp.n(tag text, i bigint, lo bigint, hi bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT lo + floor(pg_temp.r(tag, i) * (hi - lo + 1))::bigint
$$;
CREATE FUNCTION pg_temp.id(tag text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT md5('trygg-scale-20261206:' || tag || ':' || i::text)::uuid
$$;
CREATE FUNCTION pg_temp.size(base bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT greatest(1, round(base * current_setting('trygg.scale_factor')::numeric))::bigint
$$;

CREATE TEMP TABLE scale_sizes AS SELECT
  pg_temp.size(10000) AS customers, 50 AS partners, pg_temp.size(100000) AS agreements,
  pg_temp.size(300000) AS properties, pg_temp.size(2000000) AS rentals, pg_temp.size(1000000) AS cases,
  pg_temp.size(50000) AS visits, pg_temp.size(100000) AS checks;

-- Parties: the vendor (staff: sellers and support), 50 installers, the customers, 30 properties each.
INSERT INTO organisations (id, kind, name, organisation_number, created_at)
SELECT pg_temp.id('vendor', 0), 'VENDOR', 'Aptus Elektronik AB (skala)', 'S-556000-0000', '2024-01-01';
INSERT INTO organisations (id, kind, name, organisation_number, created_at)
SELECT pg_temp.id('partner', i), 'PARTNER', 'Installatör ' || lpad(i::text, 2, '0') || ' AB', 'S-55' || lpad(i::text, 7, '0'), '2024-01-01'
FROM generate_series(1, (SELECT partners FROM scale_sizes)) i;
INSERT INTO organisations (id, kind, name, organisation_number, created_at)
SELECT pg_temp.id('customer', i), 'CUSTOMER', 'Brf Skala ' || lpad(i::text, 5, '0'), 'S-76' || lpad(i::text, 7, '0'), '2024-01-01'
FROM generate_series(1, (SELECT customers FROM scale_sizes)) i;
INSERT INTO users (id, organisation_id, email, name, role, password_hash, created_at)
SELECT pg_temp.id('staff', i), pg_temp.id('vendor', 0), CASE WHEN i <= 20 THEN 'saljare' ELSE 'support' END || i || '@skala.test',
  'Personal ' || i, (CASE WHEN i <= 20 THEN 'SELLER' ELSE 'SUPPORT' END)::role, 'scale-no-password-login', '2024-01-01'
FROM generate_series(1, 30) i;
-- A customer admin of the first customer (its ten agreements at every factor), for the portal's agreement page.
INSERT INTO users (id, organisation_id, email, name, role, password_hash, created_at)
SELECT pg_temp.id('customer-admin', 1), pg_temp.id('customer', 1), 'kund1@skala.test', 'Kund Skala', 'CUSTOMER_ADMIN',
  'scale-no-password-login', '2024-01-01';
-- The users `npm run bench -- --scale` logs in as through the portal's form take the demo's password
-- (api/src/seed/demo.ts, DEMO_PASSWORD): this is its argon2id hash, made once with hashPassword, so the set stays
-- the same on every run (scale-views.test.ts checks it verifies). Everyone else keeps a hash no password matches.
UPDATE users SET password_hash = '$argon2id$v=19$m=19456,t=2,p=1$ZbXH8XnM08qPAD/DYcXgIA$D/MKR0tB8ZwXcN1jxZpaNbOZhoHa54CBa1fwOZ++WQk'
WHERE email IN ('saljare1@skala.test', 'support21@skala.test', 'kund1@skala.test');
INSERT INTO properties (id, customer_id, installer_id, name, street_address, postal_code, city, apartments, created_at, updated_at)
SELECT pg_temp.id('property', i), pg_temp.id('customer', 1 + (i - 1) % c.customers),
  pg_temp.id('partner', pg_temp.n('installer', 1 + (i - 1) % c.customers, 1, c.partners)),
  'Fastighet ' || i, 'Skalgatan ' || pg_temp.n('street', i, 1, 200), lpad(pg_temp.n('zip', i, 10000, 99999)::text, 5, '0'),
  (ARRAY['Göteborg', 'Stockholm', 'Malmö', 'Uppsala', 'Umeå', 'Luleå'])[pg_temp.n('city', i, 1, 6)],
  pg_temp.n('apartments', i, 4, 400), '2024-01-01', '2024-01-01'
FROM scale_sizes c, generate_series(1, c.properties) i;

-- Agreements: 90 % with the first installer (the partner page's list), running to a month's end over four years (so
-- thousands tie on each end day, as real ones do), a twentieth cut short by a termination, a fiftieth still drafts.
-- One or two periods each.
CREATE TEMP TABLE scale_agreements AS
SELECT i AS n, pg_temp.id('agreement', i) AS id, 1 + (i - 1) % c.customers AS customer,
  (DATE '2025-02-01' + make_interval(months => pg_temp.n('end', i, 0, 47)::int))::date - 1 AS ends_on,
  pg_temp.r('renewed', i) < 0.3 AS renewed,
  CASE WHEN pg_temp.r('terminated', i) < 0.05 THEN (DATE '2025-02-01' + make_interval(months => pg_temp.n('end', i, 0, 47)::int))::date - 1 - pg_temp.n('cut', i, 1, 300)::int END AS terminated_on,
  CASE WHEN pg_temp.r('main', i) < 0.9 THEN 1 ELSE pg_temp.n('partner', i, 2, c.partners) END AS partner
FROM scale_sizes c, generate_series(1, c.agreements) i;
INSERT INTO agreements (id, number, tier, customer_id, partner_id, seller_id, activated_at, terminated_on,
  termination_reason, version, created_at, updated_at, effective_end)
SELECT a.id, 'TA-S-' || lpad(a.n::text, 7, '0'), (CASE WHEN pg_temp.r('tier', a.n) < 0.6 THEN 'PLUS_500' ELSE 'BRF' END)::tier_code,
  pg_temp.id('customer', a.customer), pg_temp.id('partner', a.partner), pg_temp.id('staff', pg_temp.n('seller', a.n, 1, 20)),
  CASE WHEN pg_temp.r('draft', a.n) >= 0.02 THEN TIMESTAMPTZ '2024-01-15 09:00+01' END, a.terminated_on,
  CASE WHEN a.terminated_on IS NOT NULL THEN 'Uppsagt (skala)' END, 1, '2024-01-01', '2024-01-01',
  least(a.ends_on, coalesce(a.terminated_on, a.ends_on))
FROM scale_agreements a;
INSERT INTO agreement_periods (id, agreement_id, sequence, starts_on, ends_on, created_at)
SELECT pg_temp.id('period1', a.n), a.id, 1,
  CASE WHEN a.renewed THEN a.ends_on - 729 ELSE a.ends_on - 364 END, CASE WHEN a.renewed THEN a.ends_on - 365 ELSE a.ends_on END,
  '2024-01-01'
FROM scale_agreements a;
INSERT INTO agreement_periods (id, agreement_id, sequence, starts_on, ends_on, created_at)
SELECT pg_temp.id('period2', a.n), a.id, 2, a.ends_on - 364, a.ends_on, '2024-01-01'
FROM scale_agreements a WHERE a.renewed;
-- Each agreement covers one to three of its customer's 30 properties (property k of customer c is c + (k-1)·customers).
INSERT INTO agreement_properties (agreement_id, property_id)
SELECT DISTINCT a.id, pg_temp.id('property', a.customer + ((pg_temp.n('cover' || k, a.n, 1, 30) - 1) * c.customers))
FROM scale_sizes c, scale_agreements a, generate_series(1, 3) k
WHERE k <= pg_temp.n('covers', a.n, 1, 3) AND a.customer + ((pg_temp.n('cover' || k, a.n, 1, 30) - 1) * c.customers) <= c.properties;

INSERT INTO licence_rentals (id, agreement_id, kind, quantity, monthly_price_minor, currency, starts_on, ends_on, ended_on, created_at)
SELECT pg_temp.id('rental', i), a.id, (ARRAY['BOOKING', 'HANTERA', 'CONSUMPTION'])[pg_temp.n('kind', i, 1, 3)]::licence_kind,
  pg_temp.n('quantity', i, 1, 25), pg_temp.n('price', i, 1, 60) * 2500, 'SEK',
  a.ends_on - 364 + pg_temp.n('rstart', i, 0, 200)::int, a.ends_on - 364 + pg_temp.n('rstart', i, 0, 200)::int + pg_temp.n('rlen', i, 30, 160)::int,
  CASE WHEN pg_temp.r('ended', i) < 0.1 THEN a.ends_on - 354 + pg_temp.n('rstart', i, 0, 200)::int END, '2024-01-01'
FROM scale_sizes c CROSS JOIN generate_series(1, c.rentals) i
JOIN scale_agreements a ON a.n = 1 + (i - 1) % c.agreements;

-- Support cases: 5 % still open (half of those past their response deadline), the rest resolved or closed; routed to
-- the customer's installer for every third. Two messages each.
INSERT INTO support_cases (id, number, customer_id, property_id, agreement_id, category, subject, description, status,
  routed_to, partner_id, routing_reason, severity, priority, response_target_hours, resolution_target_hours, opened_at,
  opened_by, source, opened_by_organisation_id, response_due_at, response_near_at, first_responded_at, resolution_due_at, resolved_at,
  updated_at)
SELECT pg_temp.id('case', i), 'SC-S-' || lpad(i::text, 8, '0'), pg_temp.id('customer', a.customer), pg_temp.id('property', a.customer), a.id,
  (ARRAY['PROGRAMMING', 'DAILY_OPERATION', 'TECHNICAL', 'BILLING', 'OTHER'])[pg_temp.n('category', i, 1, 5)]::support_case_category,
  'Ärende ' || i, 'Beskrivning av ärende ' || i,
  (CASE WHEN o.open THEN 'OPEN' WHEN pg_temp.r('closed', i) < 0.5 THEN 'CLOSED' ELSE 'RESOLVED' END)::support_case_status,
  (CASE WHEN i % 3 = 0 THEN 'PARTNER' ELSE 'VENDOR' END)::routed_to, pg_temp.id('partner', a.partner),
  CASE WHEN i % 3 = 0 THEN 'INSTALLER_ON_AGREEMENT' ELSE 'VENDOR_QUESTION' END,
  'PARTIAL', 'NORMAL', 8, 40, o.opened_at, NULL, 'PERSON', pg_temp.id('customer', a.customer),
  CASE WHEN o.open THEN o.opened_at + interval '8 hours' + (CASE WHEN pg_temp.r('late', i) < 0.5 THEN interval '0' ELSE interval '400 days' END) END,
  -- Near from the last quarter of the 8 hours, on the wall clock as the deadline itself is here.
  CASE WHEN o.open THEN o.opened_at + interval '6 hours' + (CASE WHEN pg_temp.r('late', i) < 0.5 THEN interval '0' ELSE interval '400 days' END) END,
  CASE WHEN NOT o.open THEN o.opened_at + interval '2 hours' END,
  CASE WHEN o.open THEN o.opened_at + interval '40 hours' END,
  CASE WHEN NOT o.open THEN o.opened_at + interval '20 hours' END, o.opened_at
FROM scale_sizes c CROSS JOIN generate_series(1, c.cases) i
JOIN scale_agreements a ON a.n = 1 + (i * 7) % c.agreements
CROSS JOIN LATERAL (SELECT pg_temp.r('open', i) < 0.05 AS open,
  TIMESTAMPTZ '2024-01-01 08:00+01' + (i::double precision / c.cases) * interval '730 days' AS opened_at) o;
INSERT INTO support_case_messages (id, case_id, side, body, created_at)
SELECT pg_temp.id('message' || k, i), pg_temp.id('case', i), (CASE k WHEN 1 THEN 'CUSTOMER' ELSE 'VENDOR' END)::support_message_side,
  'Meddelande ' || k || ' i ärende ' || i,
  TIMESTAMPTZ '2024-01-01 08:00+01' + (i::double precision / c.cases) * interval '730 days' + (k - 1) * interval '2 hours'
FROM scale_sizes c, generate_series(1, c.cases) i, generate_series(1, 2) k;

INSERT INTO service_visits (id, agreement_id, property_id, technician_id, scheduled_at, completed_at, created_at, updated_at)
SELECT pg_temp.id('visit', i), a.id, pg_temp.id('property', a.customer), pg_temp.id('staff', pg_temp.n('technician', i, 21, 30)),
  s.at, CASE WHEN s.at < TIMESTAMPTZ '2026-06-01' THEN s.at + interval '3 hours' END, '2024-01-01', '2024-01-01'
FROM scale_sizes c CROSS JOIN generate_series(1, c.visits) i
JOIN scale_agreements a ON a.n = 1 + (i * 3) % c.agreements
CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2024-02-01 09:00+01' + (i::double precision / c.visits) * interval '1000 days' AS at) s;

-- Paused as not covered: the set has no monitoring add-on, so that is where the API's reconcile puts every check
-- (monitoring-provisioning.ts). Seeded as watched, the API's first start paused them one by one, with a flip and an
-- incident mail each, for minutes at full size (scale-views.test.ts).
INSERT INTO monitoring_checks (id, customer_id, property_id, agreement_id, kind, name, period_seconds, grace_seconds,
  run_grace_seconds, failure_threshold, success_threshold, state, pause_cause, ping_key_prefix, ping_key_hash, created_at, updated_at)
SELECT pg_temp.id('check', i), pg_temp.id('customer', a.customer), pg_temp.id('property', a.customer), a.id, 'HEARTBEAT',
  'Server ' || i, 300, 60, 60, 2, 1, 'PAUSED', 'NOT_COVERED', left(md5('key' || i), 8), md5('trygg-scale-key:' || i), '2024-01-01', '2024-01-01'
FROM scale_sizes c CROSS JOIN generate_series(1, c.checks) i
JOIN scale_agreements a ON a.n = 1 + (i * 11) % c.agreements;

DROP TABLE scale_agreements;
DROP TABLE scale_sizes;
-- The list counts the trigger on agreements keeps (decision 0088), off while loading: counted once here.
DELETE FROM agreement_counts;
INSERT INTO agreement_counts (scope, scope_id, n)
SELECT 'ALL', '00000000-0000-0000-0000-000000000000'::uuid, count(*) FROM agreements
UNION ALL SELECT 'PARTNER', partner_id, count(*) FROM agreements WHERE partner_id IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT 'CUSTOMER', customer_id, count(*) FROM agreements GROUP BY 1, 2
UNION ALL SELECT 'SELLER', seller_id, count(*) FROM agreements WHERE seller_id IS NOT NULL GROUP BY 1, 2;
-- Then seedScale (scale.ts) writes what the API's daily jobs would have left by today (scale-history.ts), turns the
-- triggers back on and analyses the set.
