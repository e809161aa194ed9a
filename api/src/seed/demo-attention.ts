import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { emailOutbox } from "../db/schema/index.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import * as agreements from "../modules/agreements/agreement.service.js";
import { queueEmail } from "../modules/notifications/email.service.js";
import * as parties from "../modules/parties/party.service.js";
import * as actionPlan from "../modules/tailoring/action-plan.js";
import * as tailoring from "../modules/tailoring/tailoring.service.js";
import { DEFAULT_EXPIRING_WINDOW_DAYS } from "../shared/clock.js";
import { addDaysIso, todayInSweden } from "../shared/dates.js";
import type { Result } from "../shared/errors.js";
import type { Viewer } from "../shared/viewer.js";

/** The customer admin whose annual visit is due and not booked (password: the demo password). */
export const VISIT_DUE_LOGIN = "maja@majvik.demo";

function must<T>(r: Result<T>, what: string): T {
  if ("errors" in r) throw new Error(`Demo seed failed at ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  return r.ok;
}

/**
 * What the dashboards point people at: a 500+ customer whose tailoring agreed an end date three
 * weeks ahead, so its first annual visit is due and nobody has booked it (the seller's "visits to
 * book", the customer's "not booked yet"); and a mail that bounced for good (the admin's outbox).
 */
export async function seedDemoAttention(db: Db, admin: Viewer, password: string) {
  const today = todayInSweden();
  const clock = { today, windowDays: DEFAULT_EXPIRING_WINDOW_DAYS };
  const day = (n: number) => addDaysIso(today, n);
  const sara = (await systemViewerOf(db, "sara.saljare@aptus.demo"))!;
  const customerId = must(await parties.createOrganisation(db, admin, { kind: "CUSTOMER", name: "Majviks Fastigheter AB", organisationNumber: "556456-7898" }), "Majvik").id;
  must(await parties.createUser(db, admin, { organisationId: customerId, name: "Maja Majvik", email: VISIT_DUE_LOGIN, role: "CUSTOMER_ADMIN", password }), "maja");
  const maja = (await systemViewerOf(db, VISIT_DUE_LOGIN))!;
  const property = must(
    await parties.createProperty(db, admin, { customerId, installerId: null, name: "Kv. Sjöbacken 3", streetAddress: "Sjöbacksgatan 3", postalCode: "415 02", city: "Göteborg", apartments: 260 }),
    "Sjöbacken",
  );
  const a = must(
    await agreements.createAgreement(db, admin, { customerId, partnerId: null, sellerId: sara.userId, tier: "PLUS_500", propertyIds: [property.id], startsOn: day(-150), endsOn: day(215) }, clock),
    "Majvik agreement",
  );
  must(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock), "activate Majvik");
  const t = must(await tailoring.requestTailoring(db, maja, { agreementId: a.id, message: "Vi vill gå igenom passersystemet inför nästa år." }, clock), "Majvik tailoring");
  must(await tailoring.recordSystemReview(db, sara, { tailoringId: t.id, meetingOn: day(-120), attendees: ["Sara Säljare", "Maja Majvik"], findings: [{ area: "ROUTINES", finding: "Taggar spärras inte vid avflytt." }] }, clock), "Majvik review");
  const plan = (await tailoring.planOf(db, t.id))!;
  const item = must(await actionPlan.addActionItem(db, sara, { actionPlanId: plan.id, title: "Rutin för att spärra taggar vid avflytt", owner: "CUSTOMER", estimateHours: 2, fromFindingArea: "ROUTINES" }, clock), "Majvik item");
  const ordered = must(await actionPlan.prioritiseActionPlan(db, sara, { actionPlanId: plan.id, itemIds: [item.id], expectedVersion: (await tailoring.planOf(db, t.id))!.version }, clock), "Majvik prioritise");
  must(await actionPlan.confirmPriorities(db, maja, { actionPlanId: plan.id, expectedVersion: ordered.version }, clock), "Majvik confirm");
  for (const who of [sara, maja]) must(await actionPlan.agreeEndDate(db, who, { actionPlanId: plan.id, endOn: day(21) }, clock), "Majvik end date");

  // A board member's address with a typo: the receiving server refused it ten times.
  const bounced = await queueEmail(db, {
    to: "styrelsen@brflinne.dmeo",
    subject: "Serviceprotokoll Linnégatan 12",
    body: "Hej! Här kommer protokollet från supportbesöket.",
  });
  await db
    .update(emailOutbox)
    .set({ state: "FAILED", attempts: 10, lastError: "Error: Can't send mail - all recipients were rejected: 550 5.1.2 <styrelsen@brflinne.dmeo>: Recipient address rejected: Domain not found" })
    .where(eq(emailOutbox.id, bounced));
}
