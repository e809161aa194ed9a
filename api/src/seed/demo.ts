import { count } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { organisations } from "../db/schema/index.js";
import * as parties from "../modules/parties/party.service.js";
import type { Role, Viewer } from "../shared/viewer.js";
import { ensureAdmin, VENDOR } from "./bootstrap.js";
import { seedAgreements } from "./demo-agreements.js";
import { seedDemoAttention } from "./demo-attention.js";
import { seedDemoHosting } from "./demo-hosting.js";
import { mailDemoVisitProtocols, seedDemoVisits } from "./demo-visits.js";
import { livedTime } from "./lived-time.js";
import { seedDemoMonitoring, type DemoPingKey } from "./demo-monitoring.js";
import { must } from "./must.js";
import { seedSupportCases } from "./support-cases.js";

export const DEMO_PASSWORD = "trygg-demo-2026";

export interface DemoLogin {
  email: string;
  role: Role;
  name: string;
  organisation: string;
  /** What the login shows in the demo, when its role alone does not say it. */
  note?: string;
}

/** Every demo user: the seed creates exactly these, and `npm start` prints them, in this order. */
export const DEMO_LOGINS: DemoLogin[] = [
  { email: "admin@aptus.demo", role: "ADMIN", name: "Anna Admin", organisation: VENDOR.name },
  { email: "sara.saljare@aptus.demo", role: "SELLER", name: "Sara Säljare", organisation: VENDOR.name },
  { email: "tomas.tekniker@aptus.demo", role: "SUPPORT", name: "Tomas Tekniker", organisation: VENDOR.name },
  { email: "petra@nordsak.demo", role: "PARTNER_ADMIN", name: "Petra Partner", organisation: "Nordsäk Säkerhet AB" },
  {
    email: "pelle@nordsak.demo",
    role: "PARTNER_STAFF",
    name: "Pelle Installatör",
    organisation: "Nordsäk Säkerhet AB",
  },
  {
    email: "lars@lasteknikvast.demo",
    role: "PARTNER_ADMIN",
    name: "Lars Låsmästare",
    organisation: "Låsteknik Väst AB",
  },
  {
    email: "karin@vastkustfast.demo",
    role: "CUSTOMER_ADMIN",
    name: "Karin Fastighetschef",
    organisation: "Västkustens Fastigheter AB",
    note: "large owner",
  },
  {
    email: "kalle@vastkustfast.demo",
    role: "CUSTOMER_MEMBER",
    name: "Kalle Förvaltare",
    organisation: "Västkustens Fastigheter AB",
  },
  {
    email: "eva@alvstranden.demo",
    role: "CUSTOMER_ADMIN",
    name: "Eva Ekström",
    organisation: "Älvstrandens Hyresbostäder AB",
    note: "large owner",
  },
  {
    email: "bo@brflinne.demo",
    role: "CUSTOMER_ADMIN",
    name: "Bo Ordförande",
    organisation: "Brf Linnégatan 12",
    note: "BRF",
  },
  {
    email: "britt@brfkastanjen.demo",
    role: "CUSTOMER_ADMIN",
    name: "Britt Kassör",
    organisation: "Brf Kastanjen",
    note: "BRF",
  },
  {
    email: "hanna@hisingen.demo",
    role: "CUSTOMER_ADMIN",
    name: "Hanna Hisingen",
    organisation: "Hisingens Bostäder AB",
    note: "500+ with three years of support visits",
  },
  {
    email: "maja@majvik.demo",
    role: "CUSTOMER_ADMIN",
    name: "Maja Majvik",
    organisation: "Majviks Fastigheter AB",
    note: "500+ whose annual supportbesök is due and not booked",
  },
];

/**
 * The parties, with the day (from today) each became a customer or partner: the vendor started Trygg 1 150 days ago.
 */
const ORGANISATIONS = [
  { kind: "PARTNER", name: "Nordsäk Säkerhet AB", organisationNumber: "556812-3458", joined: -1142 },
  { kind: "PARTNER", name: "Låsteknik Väst AB", organisationNumber: "556734-5219", joined: -1140 },
  { kind: "CUSTOMER", name: "Hisingens Bostäder AB", organisationNumber: "556789-0123", joined: -1136 },
  { kind: "CUSTOMER", name: "Västkustens Fastigheter AB", organisationNumber: "556901-2346", joined: -522 },
  { kind: "CUSTOMER", name: "Brf Kastanjen", organisationNumber: "769623-4561", joined: -421 },
  { kind: "CUSTOMER", name: "Älvstrandens Hyresbostäder AB", organisationNumber: "559001-2349", joined: -352 },
  { kind: "CUSTOMER", name: "Majviks Fastigheter AB", organisationNumber: "556456-7898", joined: -163 },
  { kind: "CUSTOMER", name: "Brf Linnégatan 12", organisationNumber: "769612-3459", joined: -121 },
] as const;

const PROPERTIES = [
  {
    customer: "Hisingens Bostäder AB",
    installer: "Låsteknik Väst AB",
    name: "Kv. Stigberget 2",
    streetAddress: "Stigbergsliden 9",
    postalCode: "414 63",
    city: "Göteborg",
    apartments: 410,
  },
  {
    customer: "Västkustens Fastigheter AB",
    installer: "Nordsäk Säkerhet AB",
    name: "Kv. Masthugget 4",
    streetAddress: "Masthuggsterrassen 3",
    postalCode: "413 18",
    city: "Göteborg",
    apartments: 312,
  },
  {
    customer: "Västkustens Fastigheter AB",
    installer: "Nordsäk Säkerhet AB",
    name: "Kv. Majorna 12",
    streetAddress: "Karl Johansgatan 58",
    postalCode: "414 59",
    city: "Göteborg",
    apartments: 228,
  },
  {
    customer: "Västkustens Fastigheter AB",
    installer: "Låsteknik Väst AB",
    name: "Kv. Kungsladugård 7",
    streetAddress: "Mariaplan 2",
    postalCode: "414 71",
    city: "Göteborg",
    apartments: 145,
  },
  {
    customer: "Älvstrandens Hyresbostäder AB",
    installer: "Låsteknik Väst AB",
    name: "Eriksberg Kaj",
    streetAddress: "Sjöporten 10",
    postalCode: "417 64",
    city: "Göteborg",
    apartments: 540,
  },
  {
    customer: "Älvstrandens Hyresbostäder AB",
    installer: "Låsteknik Väst AB",
    name: "Lindholmen Strand",
    streetAddress: "Lindholmsallén 21",
    postalCode: "417 55",
    city: "Göteborg",
    apartments: 206,
  },
  {
    customer: "Brf Linnégatan 12",
    installer: "Nordsäk Säkerhet AB",
    name: "Linnégatan 12",
    streetAddress: "Linnégatan 12",
    postalCode: "413 04",
    city: "Göteborg",
    apartments: 38,
  },
  {
    customer: "Majviks Fastigheter AB",
    installer: null,
    name: "Kv. Sjöbacken 3",
    streetAddress: "Sjöbacksgatan 3",
    postalCode: "415 02",
    city: "Göteborg",
    apartments: 260,
  },
  {
    customer: "Brf Kastanjen",
    installer: null,
    name: "Kastanjen 1",
    streetAddress: "Kastanjegatan 5",
    postalCode: "431 37",
    city: "Mölndal",
    apartments: 24,
  },
];

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/**
 * A believable demo that looks like three lived years: the vendor, two partners, six customers (four
 * large, two BRF) with their properties, and a login for every role. Goes through the services, so the
 * demo obeys the same rules and leaves the same audit trail as real use, each step on its own day.
 */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const lived = await livedTime(db);
  const [adminLogin, ...others] = DEMO_LOGINS;
  const admin: Viewer = await lived.on(-1150, "09:05", () =>
    ensureAdmin(db, { email: adminLogin!.email, password: DEMO_PASSWORD, name: adminLogin!.name }),
  );
  const orgIds = new Map<string, string>([[VENDOR.name, admin.organisationId]]);
  const propertyIds = new Map<string, string>();
  const createUsers = async (organisation: string) => {
    for (const login of others.filter((l) => l.organisation === organisation)) {
      const { email, name, role } = login;
      must(
        await parties.createUser(db, admin, {
          organisationId: orgIds.get(organisation)!,
          name,
          email,
          role,
          password: DEMO_PASSWORD,
        }),
        email,
      );
    }
  };
  await lived.on(-1148, "10:20", () => createUsers(VENDOR.name));
  for (const { joined, ...org } of ORGANISATIONS) {
    await lived.on(joined, "13:40", async () => {
      orgIds.set(org.name, must(await parties.createOrganisation(db, admin, org), org.name).id);
      await createUsers(org.name);
      for (const { customer, installer, ...p } of PROPERTIES.filter((p) => p.customer === org.name)) {
        const row = must(
          await parties.createProperty(db, admin, {
            ...p,
            customerId: orgIds.get(customer)!,
            installerId: installer ? orgIds.get(installer)! : null,
          }),
          p.name,
        );
        propertyIds.set(p.name, row.id);
      }
    });
  }
  await seedAgreements(db, lived, admin, orgIds, propertyIds);
  await seedDemoVisits(db, lived, orgIds, propertyIds);
  await seedSupportCases(db, lived);
  await seedDemoAttention(db, lived, admin, orgIds, propertyIds);
  await seedDemoHosting(db, lived, admin, orgIds);
  return DEMO_LOGINS;
}

/**
 * What the demo lived that `npm start` shows and the tests, which seed the demo again and again, do without: its
 * monitoring (seed/demo-monitoring.ts: a quarter of pings through the real ingestion) and the visit protocols mailed
 * (a PDF each). Returns the ping keys the demo's simulator keeps pinging with.
 */
export async function seedDemoLivedExtras(db: Db): Promise<DemoPingKey[]> {
  const [adminLogin] = DEMO_LOGINS;
  const admin = await ensureAdmin(db, { email: adminLogin!.email, password: DEMO_PASSWORD });
  const lived = await livedTime(db);
  await mailDemoVisitProtocols(db, lived);
  return seedDemoMonitoring(db, lived, admin);
}

export function formatLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = logins.map(
    (l) =>
      `  ${l.email.padEnd(width)}  ${l.role.padEnd(16)}  ${l.name}, ${l.organisation}${l.note ? ` (${l.note})` : ""}`,
  );
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
