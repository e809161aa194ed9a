import { count } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { organisations } from "../db/schema/index.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import * as agreements from "../modules/agreements/agreement.service.js";
import * as addOns from "../modules/agreements/add-ons.js";
import * as hantera from "../modules/agreements/hantera-quota.js";
import * as rentals from "../modules/agreements/licence-rentals.js";
import * as parties from "../modules/parties/party.service.js";
import * as releases from "../modules/releases/release.service.js";
import * as actionPlans from "../modules/tailoring/action-plan.js";
import * as tailoring from "../modules/tailoring/tailoring.service.js";
import { clockAt } from "../shared/clock.js";
import { addDaysIso, todayInSweden } from "../shared/dates.js";
import type { Result } from "../shared/errors.js";
import type { Role, Viewer } from "../shared/viewer.js";
import { ensureAdmin } from "./bootstrap.js";
import { seedDemoAttention } from "./demo-attention.js";
import { seedDemoVisits } from "./demo-visits.js";
import { seedSupportCases } from "./support-cases.js";

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
  const propertyIds = new Map<string, string>();
  for (const p of PROPERTIES) {
    const { customer, installer, ...rest } = p;
    const row = must(
      await parties.createProperty(db, admin, { ...rest, customerId: orgIds.get(customer)!, installerId: installer ? orgIds.get(installer)! : null }),
      p.name,
    );
    propertyIds.set(p.name, row.id);
  }
  await seedAgreements(db, admin, orgIds, propertyIds);
  await seedSupportCases(db);
  await seedDemoVisits(db, admin, orgIds, DEMO_PASSWORD);
  await seedDemoAttention(db, admin, DEMO_PASSWORD);
  return DEMO_LOGINS;
}

/** Agreements in every status, dated relative to today so the demo always looks current. */
async function seedAgreements(db: Db, admin: Viewer, orgIds: Map<string, string>, propertyIds: Map<string, string>) {
  const today = todayInSweden();
  const clock = clockAt(today);
  const day = (n: number) => addDaysIso(today, n);
  const [seller] = (await parties.listUsers(db, admin, {}, { first: 100 })).edges.map((e) => e.node).filter((u) => u.role === "SELLER");
  const make = async (spec: { customer: string; partner: string | null; tier: "PLUS_500" | "BRF"; properties: string[]; startsOn: string; endsOn: string; activate?: boolean }) => {
    const a = must(
      await agreements.createAgreement(
        db,
        admin,
        {
          customerId: orgIds.get(spec.customer)!,
          partnerId: spec.partner ? orgIds.get(spec.partner)! : null,
          sellerId: seller!.id,
          tier: spec.tier,
          propertyIds: spec.properties.map((p) => propertyIds.get(p)!),
          startsOn: spec.startsOn,
          endsOn: spec.endsOn,
        },
        clock,
      ),
      `agreement for ${spec.customer}`,
    );
    if (spec.activate !== false) must(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock), "activate");
    return a;
  };
  const accounts = async (agreementId: string, people: [string, string][]) => {
    for (const [name, email] of people) must(await hantera.createHanteraAccount(db, admin, { agreementId, name, email }, clock), email);
  };

  // Active 500+: rentals, hosting and monitoring, most of the Hantera quota in use.
  const vastkust = await make({ customer: "Västkustens Fastigheter AB", partner: "Nordsäk Säkerhet AB", tier: "PLUS_500", properties: ["Kv. Masthugget 4", "Kv. Majorna 12"], startsOn: day(-300), endsOn: day(430) });
  must(await rentals.rentLicence(db, admin, { agreementId: vastkust.id, kind: "HANTERA", quantity: 3, startsOn: day(-200), endsOn: day(430) }, clock), "rental");
  must(await rentals.rentLicence(db, admin, { agreementId: vastkust.id, kind: "BOOKING", quantity: 40, startsOn: day(-280), endsOn: day(430) }, clock), "rental");
  must(await addOns.orderAddOn(db, admin, { agreementId: vastkust.id, kind: "HOSTING", hostedServices: ["BOKNING", "APTUSPORTAL", "HANTERA"] }, clock), "hosting");
  must(await addOns.orderAddOn(db, admin, { agreementId: vastkust.id, kind: "MONITORING" }, clock), "monitoring");
  await accounts(vastkust.id, [
    ["Karin Fastighetschef", "karin@vastkustfast.demo"],
    ["Kalle Förvaltare", "kalle@vastkustfast.demo"],
    ["Fatima Husvärd", "fatima@vastkustfast.demo"],
    ["Olle Uthyrning", "olle@vastkustfast.demo"],
    ["Mira Ekonomi", "mira@vastkustfast.demo"],
    ["Jonas Drift", "jonas@vastkustfast.demo"],
    ["Sven Fastighetsskötare", "sven@vastkustfast.demo"],
  ]);

  // Expiring 500+: ends within the window, so the renewal banner and lapse preview show.
  const alvstranden = await make({ customer: "Älvstrandens Hyresbostäder AB", partner: "Låsteknik Väst AB", tier: "PLUS_500", properties: ["Eriksberg Kaj", "Lindholmen Strand"], startsOn: day(-335), endsOn: day(30) });
  must(await addOns.orderAddOn(db, admin, { agreementId: alvstranden.id, kind: "HOSTING", hostedServices: ["BOKNING", "FORBRUKNING", "FDB"] }, clock), "hosting");
  must(await rentals.rentLicence(db, admin, { agreementId: alvstranden.id, kind: "CONSUMPTION", quantity: 200, startsOn: day(-300), endsOn: day(30) }, clock), "rental");
  await accounts(alvstranden.id, [
    ["Eva Ekström", "eva@alvstranden.demo"],
    ["Ali Förvaltare", "ali@alvstranden.demo"],
    ["Lena Kundtjänst", "lena@alvstranden.demo"],
    ["Per Drift", "per@alvstranden.demo"],
  ]);

  // Active BRF with room for two more Hantera accounts.
  const linne = await make({ customer: "Brf Linnégatan 12", partner: "Nordsäk Säkerhet AB", tier: "BRF", properties: ["Linnégatan 12"], startsOn: day(-100), endsOn: day(265) });
  await accounts(linne.id, [
    ["Bo Ordförande", "bo@brflinne.demo"],
    ["Siv Sekreterare", "siv@brflinne.demo"],
    ["Gunnar Vicevärd", "gunnar@brflinne.demo"],
  ]);

  // Expired BRF, signed directly, and a draft for the next period.
  await make({ customer: "Brf Kastanjen", partner: null, tier: "BRF", properties: ["Kastanjen 1"], startsOn: day(-400), endsOn: day(-35) });
  await make({ customer: "Brf Kastanjen", partner: null, tier: "BRF", properties: ["Kastanjen 1"], startsOn: day(10), endsOn: day(375), activate: false });

  // Terminated 500+: the property was sold.
  const sold = await make({ customer: "Västkustens Fastigheter AB", partner: "Låsteknik Väst AB", tier: "PLUS_500", properties: ["Kv. Kungsladugård 7"], startsOn: day(-500), endsOn: day(230) });
  must(await agreements.terminateAgreement(db, admin, { agreementId: sold.id, terminatesOn: day(-90), reason: "Fastigheten såld till ny ägare." }, clock), "terminate");

  // Latest versions, and what is installed where.
  const release = async (product: releases.Product, version: string, daysAgo: number) =>
    must(await releases.publishProductRelease(db, admin, { product, version, releasedOn: day(-daysAgo), notes: null }), `${product} ${version}`);
  await release("MULTI_ACCESS", "5.11.0", 200);
  await release("MULTI_ACCESS", "5.12.3", 40);
  await release("HANTERA", "3.4.1", 60);
  await release("APTUSPORTAL", "2.8.0", 25);
  const installed: [string, releases.Product, string][] = [
    ["Kv. Masthugget 4", "MULTI_ACCESS", "5.12.3"],
    ["Kv. Masthugget 4", "HANTERA", "3.4.1"],
    ["Kv. Majorna 12", "MULTI_ACCESS", "5.10.2"],
    ["Kv. Majorna 12", "APTUSPORTAL", "2.8.0"],
    ["Eriksberg Kaj", "MULTI_ACCESS", "5.12.3"],
    ["Eriksberg Kaj", "APTUSPORTAL", "2.6.0"],
    ["Linnégatan 12", "MULTI_ACCESS", "5.11.0"],
  ];
  for (const [property, product, version] of installed) {
    must(await releases.setInstalledVersion(db, admin, { propertyId: propertyIds.get(property)!, product, version }), `${property} ${product}`);
  }

  // Tailorings at different steps: one waiting on the seller, one waiting on the customer.
  const as = async (email: string): Promise<Viewer> => (await systemViewerOf(db, email))!;
  const sara = await as("sara.saljare@aptus.demo");
  must(await tailoring.requestTailoring(db, await as("bo@brflinne.demo"), { agreementId: linne.id, message: "Vi har fått nya styrelseledamöter och vill gå igenom systemet och rutinerna." }, clock), "tailoring request");

  const eva = await as("eva@alvstranden.demo");
  const t = must(await tailoring.requestTailoring(db, eva, { agreementId: alvstranden.id, message: "Inför förnyelsen vill vi se över backup och versioner." }, clock), "tailoring");
  must(
    await tailoring.recordSystemReview(db, sara, {
      tailoringId: t.id,
      meetingOn: day(-20),
      attendees: ["Sara Säljare", "Eva Ekström", "Lars Låsmästare"],
      findings: [
        { area: "BACKUPS", finding: "Backupen tas bara lokalt i serverrummet." },
        { area: "HARDWARE_AND_VERSIONS", finding: "Aptusportal 2.6.0 i Eriksberg Kaj, senaste är 2.8.0." },
        { area: "ROUTINES", finding: "Ingen rutin för att spärra taggar vid avflytt." },
      ],
      notes: "Bra möte; databasen är i gott skick.",
    }, clock),
    "review",
  );
  const plan = (await tailoring.planOf(db, t.id))!;
  const items = [
    { title: "Flytta backup till Aptus Hosting", why: "Lokal backup skyddar inte mot brand eller stöld.", owner: "VENDOR" as const, estimateHours: 6, fromFindingArea: "BACKUPS" as const },
    { title: "Uppdatera Aptusportal till 2.8.0", why: "Senaste versionen ingår i avtalet.", owner: "PARTNER" as const, estimateHours: 3, fromFindingArea: "HARDWARE_AND_VERSIONS" as const },
    { title: "Rutin för spärr av taggar vid avflytt", why: "Borttappade taggar ska inte ge tillträde.", owner: "CUSTOMER" as const, estimateHours: 2, fromFindingArea: "ROUTINES" as const },
  ];
  const made = [];
  for (const item of items) made.push(must(await actionPlans.addActionItem(db, sara, { actionPlanId: plan.id, ...item }, clock), item.title));
  const current = (await tailoring.planOf(db, t.id))!;
  must(await actionPlans.prioritiseActionPlan(db, sara, { actionPlanId: plan.id, itemIds: [made[0]!.id, made[2]!.id, made[1]!.id], expectedVersion: current.version }, clock), "prioritise");
}

export function formatLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(16)}  ${l.name}, ${l.organisation}`);
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
