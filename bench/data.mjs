// The bench's data: generated from a fixed seed, so every run and every machine measures the same
// rows (ids included). Inserted with plain SQL into tables made by Trygg's own migrations.
import { createHash } from "node:crypto";

export const SIZES = {
  customers: 200,
  properties: 3_000,
  agreements: 1_000,
  partnerAgreements: 892,
  licenceRentals: 20_000,
  hanteraAccounts: 5_000,
};
const SEED = 20261125;

/** mulberry32: small, fast and good enough to make test data reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const isoDay = (base, days) => new Date(Date.parse(`${base}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const STREETS = [
  "Storgatan",
  "Kungsgatan",
  "Drottninggatan",
  "Vasagatan",
  "Linnégatan",
  "Sveavägen",
  "Östra Hamngatan",
  "Järntorget",
  "Åvägen",
  "Slottsskogsgatan",
];
const CITIES = ["Göteborg", "Stockholm", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Borås"];

export function generate() {
  const random = prng(SEED);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    h[12] = "4";
    h[16] = "89ab"[Math.floor(random() * 4)];
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const created = "2025-01-01T00:00:00Z";
  let orgNumber = 0;
  const org = (kind, name) => ({
    id: uuid(),
    kind,
    name,
    organisation_number: `55${String(++orgNumber).padStart(4, "0")}-${String(1000 + orgNumber).slice(-4)}`,
    created_at: created,
  });

  const vendor = org("VENDOR", "Aptus Elektronik AB");
  const partners = [
    "Nordsäk Bench AB",
    "Låsteknik Väst Bench AB",
    "Säkra Hem Bench AB",
    "Dörr & Lås Bench AB",
    "Passersystem Bench AB",
  ].map((n) => org("PARTNER", n));
  const customers = Array.from({ length: SIZES.customers }, (_, i) =>
    org("CUSTOMER", `Fastighets AB Bench ${String(i + 1).padStart(3, "0")}`),
  );
  const user = (organisation, role, email, name) => ({
    id: uuid(),
    organisation_id: organisation.id,
    email,
    name,
    role,
    password_hash: "bench-no-password-login",
    created_at: created,
  });
  const sellers = [1, 2, 3].map((i) => user(vendor, "SELLER", `seller${i}@bench.demo`, `Säljare ${i}`));
  const partnerAdmin = user(partners[0], "PARTNER_ADMIN", "admin@nordsak.bench.demo", "Petra Partner");

  const properties = [];
  const propertiesOf = new Map();
  for (let i = 0; i < SIZES.properties; i++) {
    const customer = customers[i % customers.length];
    const p = {
      id: uuid(),
      customer_id: customer.id,
      installer_id: null,
      name: `${customer.name.slice(-3)}:${String(i + 1).padStart(4, "0")} ${pick(STREETS)}`,
      street_address: `${pick(STREETS)} ${int(1, 120)}`,
      postal_code: `${int(100, 999)} ${int(10, 99)}`,
      city: pick(CITIES),
      apartments: int(4, 400),
      created_at: created,
    };
    properties.push(p);
    propertiesOf.set(customer.id, [...(propertiesOf.get(customer.id) ?? []), p]);
  }

  // Which agreements the first partner signed: 892 of 1,000, spread over the numbers.
  const order = Array.from({ length: SIZES.agreements }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const ofMainPartner = new Set(order.slice(0, SIZES.partnerAgreements));

  const agreements = [];
  const periods = [];
  const links = [];
  for (let k = 0; k < SIZES.agreements; k++) {
    const customer = pick(customers);
    // The last period's end grows with the number, so "soonest ending first" (Trygg's order) and
    // "by number" (what PostGraphile can sort on) give the same page.
    const endsOn = isoDay("2026-03-01", Math.floor(k / 2));
    const a = {
      id: uuid(),
      number: `TA-2025-${String(k + 1).padStart(4, "0")}`,
      tier: random() < 0.6 ? "PLUS_500" : "BRF",
      customer_id: customer.id,
      partner_id: ofMainPartner.has(k) ? partners[0].id : partners[1 + (k % 4)].id,
      seller_id: pick(sellers).id,
      activated_at: "2025-01-15T09:00:00Z",
      terminated_on: null,
      termination_reason: null,
      version: 1,
      created_at: created,
    };
    agreements.push(a);
    const renewed = random() < 0.3;
    const startsOn = isoDay(endsOn, -364);
    if (renewed)
      periods.push({
        id: uuid(),
        agreement_id: a.id,
        sequence: 1,
        starts_on: isoDay(startsOn, -365),
        ends_on: isoDay(startsOn, -1),
        created_at: created,
      });
    periods.push({
      id: uuid(),
      agreement_id: a.id,
      sequence: renewed ? 2 : 1,
      starts_on: startsOn,
      ends_on: endsOn,
      created_at: created,
    });
    a.period = { startsOn, endsOn };
    const own = propertiesOf.get(customer.id);
    const covered = new Set(Array.from({ length: int(1, 5) }, () => pick(own)));
    for (const p of covered) links.push({ agreement_id: a.id, property_id: p.id });
  }

  const licenceRentals = Array.from({ length: SIZES.licenceRentals }, () => {
    const a = pick(agreements);
    const start = int(0, 200);
    return {
      id: uuid(),
      agreement_id: a.id,
      kind: pick(["BOOKING", "HANTERA", "CONSUMPTION"]),
      quantity: int(1, 25),
      monthly_price_minor: int(1, 60) * 2_500,
      currency: "SEK",
      starts_on: isoDay(a.period.startsOn, start),
      ends_on: isoDay(a.period.startsOn, start + int(30, 160)),
      ended_on: random() < 0.1 ? isoDay(a.period.startsOn, start + 10) : null,
      carried_from_id: null,
      created_at: created,
    };
  });
  const hanteraAccounts = Array.from({ length: SIZES.hanteraAccounts }, (_, i) => ({
    id: uuid(),
    agreement_id: pick(agreements).id,
    name: `Förvaltare ${i + 1}`,
    email: `forvaltare${i + 1}@bench.demo`,
    created_at: created,
    deactivated_at: null,
  }));

  const token = `tgk_bench_${Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("")}`;
  const apiToken = {
    id: uuid(),
    organisation_id: partners[0].id,
    created_by_id: partnerAdmin.id,
    name: "Nightly sync (bench)",
    prefix: token.slice(0, 10),
    token_hash: createHash("sha256").update(token).digest("hex"),
    created_at: created,
    last_used_at: null,
    revoked_at: null,
  };

  return {
    partnerId: partners[0].id,
    token,
    tables: {
      organisations: [vendor, ...partners, ...customers],
      users: [...sellers, partnerAdmin],
      api_tokens: [apiToken],
      properties,
      agreements: agreements.map(({ period: _period, ...a }) => a),
      agreement_periods: periods,
      agreement_properties: links,
      licence_rentals: licenceRentals,
      hantera_accounts: hanteraAccounts,
    },
  };
}

/** Inserts the generated rows, a table at a time, in chunks that keep each statement small. */
export async function insert(client, tables) {
  for (const [table, rows] of Object.entries(tables)) {
    const columns = Object.keys(rows[0])
      .map((c) => `"${c}"`)
      .join(", ");
    for (let i = 0; i < rows.length; i += 5_000) {
      await client.query(
        `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", $1::json)`,
        [JSON.stringify(rows.slice(i, i + 5_000))],
      );
    }
  }
  await client.query("analyze");
}
