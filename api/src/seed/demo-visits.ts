import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agreementProperties, agreements as agreementsTable } from "../db/schema/index.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import * as agreements from "../modules/agreements/agreement.service.js";
import { DEFAULT_EXPIRING_WINDOW_DAYS } from "../shared/clock.js";
import * as parties from "../modules/parties/party.service.js";
import * as actionPlan from "../modules/tailoring/action-plan.js";
import * as tailoring from "../modules/tailoring/tailoring.service.js";
import { createActionItemFromCheck } from "../modules/visits/visit-action-item.js";
import { recordVisitCheck } from "../modules/visits/visit-checks.js";
import { completeServiceVisit } from "../modules/visits/visit-protocol.js";
import { scheduleServiceVisit } from "../modules/visits/visit.service.js";
import { addDaysIso, todayInSweden } from "../shared/dates.js";
import type { Result } from "../shared/errors.js";
import type { Viewer } from "../shared/viewer.js";

/** The customer admin of the demo's visit history (password: the demo password). */
export const VISIT_DEMO_LOGIN = "hanna@hisingen.demo";

function must<T>(r: Result<T>, what: string): T {
  if ("errors" in r) throw new Error(`Demo seed failed at ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  return r.ok;
}

const at = (iso: string) => new Date(`${iso}T08:00:00Z`);

/**
 * Three years of annual visits for a 500+ customer (a property with its own agreement, renewed
 * yearly), the database growing each year, one check turned into an action item, the next visit
 * booked; and an overdue visit at another 500+ customer for the support staff's list.
 */
export async function seedDemoVisits(db: Db, admin: Viewer, orgIds: Map<string, string>, password: string) {
  const today = todayInSweden();
  const clock = { today, windowDays: DEFAULT_EXPIRING_WINDOW_DAYS };
  const day = (n: number) => addDaysIso(today, n);
  const as = async (email: string) => (await systemViewerOf(db, email))!;
  const [sara, tomas] = [await as("sara.saljare@aptus.demo"), await as("tomas.tekniker@aptus.demo")];
  // A customer of its own, so the other demo journeys see the same data as before.
  const customerId = must(await parties.createOrganisation(db, admin, { kind: "CUSTOMER", name: "Hisingens Bostäder AB", organisationNumber: "556789-0123" }), "Hisingen").id;
  must(await parties.createUser(db, admin, { organisationId: customerId, name: "Hanna Hisingen", email: VISIT_DEMO_LOGIN, role: "CUSTOMER_ADMIN", password }), "hanna");
  const hanna = await as(VISIT_DEMO_LOGIN);
  const property = must(
    await parties.createProperty(db, admin, { customerId, installerId: orgIds.get("Låsteknik Väst AB")!, name: "Kv. Stigberget 2", streetAddress: "Stigbergsliden 9", postalCode: "414 63", city: "Göteborg", apartments: 410 }),
    "Stigberget",
  );
  const a = must(
    await agreements.createAgreement(db, admin, { customerId, partnerId: orgIds.get("Låsteknik Väst AB")!, sellerId: sara.userId, tier: "PLUS_500", propertyIds: [property.id], startsOn: day(-1110), endsOn: day(-745) }, clock),
    "Stigberget agreement",
  );
  must(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock), "activate");
  for (const endsOn of [day(-380), day(-15), day(350)]) must(await agreements.renewAgreement(db, admin, { agreementId: a.id, endsOn, carryOverRentals: false }, clock), "renew");

  const t = must(await tailoring.requestTailoring(db, hanna, { agreementId: a.id, message: "Vi vill ha en plan för Stigberget." }, clock), "tailoring");
  must(await tailoring.recordSystemReview(db, sara, { tailoringId: t.id, meetingOn: day(-1090), attendees: ["Sara Säljare", "Hanna Hisingen"], findings: [{ area: "DATABASE", finding: "Databasen växer snabbt med besöksloggar." }] }, clock), "review");
  const plan = (await tailoring.planOf(db, t.id))!;
  const item = must(await actionPlan.addActionItem(db, sara, { actionPlanId: plan.id, title: "Gallra besöksloggar äldre än två år", owner: "VENDOR", estimateHours: 4, fromFindingArea: "DATABASE" }, clock), "item");
  const ordered = must(await actionPlan.prioritiseActionPlan(db, sara, { actionPlanId: plan.id, itemIds: [item.id], expectedVersion: (await tailoring.planOf(db, t.id))!.version }, clock), "prioritise");
  must(await actionPlan.confirmPriorities(db, hanna, { actionPlanId: plan.id, expectedVersion: ordered.version }, clock), "confirm");
  for (const who of [sara, hanna]) must(await actionPlan.agreeEndDate(db, who, { actionPlanId: plan.id, endOn: day(-1050) }, clock), "end date");

  const years = [
    { on: day(-1048), sizeMb: 2150, backup: "OK", note: "Nattlig backup till Aptus Hosting fungerar." },
    { on: day(-684), sizeMb: 2740, backup: "OK", note: "Backup kontrollerad, återläsning provad." },
    { on: day(-318), sizeMb: 3520, backup: "NEEDS_ACTION", note: "Backupen har misslyckats tre nätter i rad: disken på servern är nästan full." },
  ] as const;
  for (const y of years) {
    const v = must(await scheduleServiceVisit(db, sara, { agreementId: a.id, propertyId: property.id, technicianId: tomas.userId, scheduledAt: at(y.on) }, clock), "visit");
    const checks = [
      { kind: "DATABASE_REVIEW", result: "OK", note: "Inga fel i databasens loggar." },
      { kind: "ROUTINES", result: "OK", note: "Rutiner för in- och avflytt följs." },
      { kind: "HARDWARE_AND_VERSIONS", result: "OK", note: "Centralenheter och läsare utan anmärkning." },
      { kind: "BACKUP_ROUTINES", result: y.backup, note: y.note },
      { kind: "DATABASE_SIZE", result: "OK", note: "", databaseSizeMb: y.sizeMb },
    ] as const;
    for (const c of checks) must(await recordVisitCheck(db, tomas, { visitId: v.id, ...c }, clock), c.kind);
    if (y.backup === "NEEDS_ACTION") must(await createActionItemFromCheck(db, tomas, { visitId: v.id, kind: "BACKUP_ROUTINES", owner: "VENDOR", title: "Utöka backupdisken på Stigberget", estimateHours: 2 }, clock), "action item");
    must(await completeServiceVisit(db, tomas, { visitId: v.id }, clock), "complete");
  }
  must(await scheduleServiceVisit(db, sara, { agreementId: a.id, propertyId: property.id, technicianId: tomas.userId, scheduledAt: at(day(47)) }, clock), "next visit");

  // Missed: Älvstranden's visit last week was never completed.
  const [alvstranden] = await db
    .select()
    .from(agreementsTable)
    .where(and(eq(agreementsTable.customerId, orgIds.get("Älvstrandens Hyresbostäder AB")!), eq(agreementsTable.tier, "PLUS_500")));
  const [eriksberg] = (await db.select().from(agreementProperties).where(eq(agreementProperties.agreementId, alvstranden!.id))).map((p) => p.propertyId);
  must(await scheduleServiceVisit(db, sara, { agreementId: alvstranden!.id, propertyId: eriksberg!, technicianId: tomas.userId, scheduledAt: at(day(-6)) }, clock), "overdue visit");
}
