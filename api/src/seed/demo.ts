import { count } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { organisations } from "../db/schema/index.js";
import * as parties from "../modules/parties/parties.service.js";
import type { Result } from "../shared/errors.js";
import type { Role, Viewer } from "../shared/viewer.js";
import { ensureAdmin } from "./bootstrap.js";

export const DEMO_PASSWORD = "trygg-demo-2026";

export interface DemoLogin {
  email: string;
  role: Role;
  name: string;
  organisation: string;
}

function must<T>(r: Result<T>, what: string): T {
  if ("errors" in r) throw new Error(`Demo seed failed at ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  return r.ok;
}

/** The demo's logins, in a fixed order, for printing. */
export const DEMO_LOGINS: DemoLogin[] = [
  { email: "admin@aptus.demo", role: "ADMIN", name: "Anna Admin", organisation: "Aptus Elektronik AB" },
  { email: "sara.saljare@aptus.demo", role: "SELLER", name: "Sara Säljare", organisation: "Aptus Elektronik AB" },
  { email: "tomas.tekniker@aptus.demo", role: "SUPPORT", name: "Tomas Tekniker", organisation: "Aptus Elektronik AB" },
  { email: "petra@nordsak.demo", role: "PARTNER_ADMIN", name: "Petra Partner", organisation: "Nordsäk Säkerhet AB" },
  { email: "pelle@nordsak.demo", role: "PARTNER_STAFF", name: "Pelle Installatör", organisation: "Nordsäk Säkerhet AB" },
  { email: "lars@lasteknikvast.demo", role: "PARTNER_ADMIN", name: "Lars Låsmästare", organisation: "Låsteknik Väst AB" },
  { email: "karin@vastkustfast.demo", role: "CUSTOMER_ADMIN", name: "Karin Fastighetschef", organisation: "Västkustens Fastigheter AB" },
  { email: "kalle@vastkustfast.demo", role: "CUSTOMER_MEMBER", name: "Kalle Förvaltare", organisation: "Västkustens Fastigheter AB" },
  { email: "eva@alvstranden.demo", role: "CUSTOMER_ADMIN", name: "Eva Ekström", organisation: "Älvstrandens Hyresbostäder AB" },
  { email: "bo@brflinne.demo", role: "CUSTOMER_ADMIN", name: "Bo Ordförande", organisation: "Brf Linnégatan 12" },
  { email: "britt@brfkastanjen.demo", role: "CUSTOMER_ADMIN", name: "Britt Kassör", organisation: "Brf Kastanjen" },
];

const ORGANISATIONS = [
  { kind: "PARTNER", name: "Nordsäk Säkerhet AB", organisationNumber: "556812-3458" },
  { kind: "PARTNER", name: "Låsteknik Väst AB", organisationNumber: "556734-5219" },
  { kind: "CUSTOMER", name: "Västkustens Fastigheter AB", organisationNumber: "556901-2346" },
  { kind: "CUSTOMER", name: "Älvstrandens Hyresbostäder AB", organisationNumber: "559001-2349" },
  { kind: "CUSTOMER", name: "Brf Linnégatan 12", organisationNumber: "769612-3459" },
  { kind: "CUSTOMER", name: "Brf Kastanjen", organisationNumber: "769623-4561" },
] as const;

const PROPERTIES = [
  { customer: "Västkustens Fastigheter AB", installer: "Nordsäk Säkerhet AB", name: "Kv. Masthugget 4", streetAddress: "Masthuggsterrassen 3", postalCode: "413 18", city: "Göteborg", apartments: 312 },
  { customer: "Västkustens Fastigheter AB", installer: "Nordsäk Säkerhet AB", name: "Kv. Majorna 12", streetAddress: "Karl Johansgatan 58", postalCode: "414 59", city: "Göteborg", apartments: 228 },
  { customer: "Västkustens Fastigheter AB", installer: "Låsteknik Väst AB", name: "Kv. Kungsladugård 7", streetAddress: "Mariaplan 2", postalCode: "414 71", city: "Göteborg", apartments: 145 },
  { customer: "Älvstrandens Hyresbostäder AB", installer: "Låsteknik Väst AB", name: "Eriksberg Kaj", streetAddress: "Sjöporten 10", postalCode: "417 64", city: "Göteborg", apartments: 540 },
  { customer: "Älvstrandens Hyresbostäder AB", installer: "Låsteknik Väst AB", name: "Lindholmen Strand", streetAddress: "Lindholmsallén 21", postalCode: "417 55", city: "Göteborg", apartments: 206 },
  { customer: "Brf Linnégatan 12", installer: "Nordsäk Säkerhet AB", name: "Linnégatan 12", streetAddress: "Linnégatan 12", postalCode: "413 04", city: "Göteborg", apartments: 38 },
  { customer: "Brf Kastanjen", installer: null, name: "Kastanjen 1", streetAddress: "Kastanjegatan 5", postalCode: "431 37", city: "Mölndal", apartments: 24 },
];

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/**
 * A believable demo: the vendor, two partners, four customers (two large, two BRF) with their
 * properties, and a login for every role. Goes through the services, so the demo obeys the same
 * rules and leaves the same audit trail as real use.
 */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const [adminLogin, ...others] = DEMO_LOGINS;
  const admin: Viewer = await ensureAdmin(db, { email: adminLogin!.email, password: DEMO_PASSWORD, name: adminLogin!.name });
  const orgIds = new Map<string, string>([["Aptus Elektronik AB", admin.organisationId]]);
  for (const org of ORGANISATIONS) {
    orgIds.set(org.name, must(await parties.createOrganisation(db, admin, org), org.name).id);
  }
  for (const login of others) {
    must(
      await parties.createUser(db, admin, {
        organisationId: orgIds.get(login.organisation)!,
        name: login.name,
        email: login.email,
        role: login.role,
        password: DEMO_PASSWORD,
      }),
      login.email,
    );
  }
  for (const p of PROPERTIES) {
    const { customer, installer, ...rest } = p;
    must(
      await parties.createProperty(db, admin, { ...rest, customerId: orgIds.get(customer)!, installerId: installer ? orgIds.get(installer)! : null }),
      p.name,
    );
  }
  return DEMO_LOGINS;
}

export function formatLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(16)}  ${l.name}, ${l.organisation}`);
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
