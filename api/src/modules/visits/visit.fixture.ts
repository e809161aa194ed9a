import type { Database } from "../../db/client.js";
import { addDaysIso } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, okOf, viewerAs } from "../../test-support.js";
import * as agreements from "../agreements/agreement.service.js";
import * as parties from "../parties/party.service.js";
import * as releases from "../releases/release.service.js";
import * as actionPlan from "../tailoring/action-plan.js";
import * as tailoring from "../tailoring/tailoring.service.js";

const today = "2027-03-01";
export const clock = { today, windowDays: 60 };
export const day = (n: number) => addDaysIso(today, n);
/** A time on a Swedish day, 09:00 local (UTC+1 in winter, +2 in summer: 07:30Z lands on the same day either way). */
export const at = (iso: string, time = "07:30:00Z") => new Date(`${iso}T${time}`);

/** Parties of a visit test: vendor staff, a 500+ customer with a partner, a property with installed versions. */
export async function visitWorld(database: Database) {
  const db = database.db;
  const admin = await adminViewer(database);
  const vendorId = admin.organisationId;
  const user = async (organisationId: string, name: string, email: string, role: Viewer["role"]) =>
    okOf(await parties.createUser(db, admin, { organisationId, name, email, role, password: "long-enough-password" }));
  const sellerRow = await user(vendorId, "Sara Säljare", "sara@vendor.example", "SELLER");
  const techRow = await user(vendorId, "Tomas Tekniker", "tomas@vendor.example", "SUPPORT");
  const customerId = okOf(await parties.createOrganisation(db, admin, { kind: "CUSTOMER", name: "Västkust Fastigheter AB", organisationNumber: "556901-2346" })).id;
  const partnerId = okOf(await parties.createOrganisation(db, admin, { kind: "PARTNER", name: "Nordsäk AB", organisationNumber: "556812-3458" })).id;
  const karin = await user(customerId, "Karin Åström", "karin@owner.example", "CUSTOMER_ADMIN");
  await user(partnerId, "Petra Partner", "petra@partner.example", "PARTNER_ADMIN");
  const seller = viewerAs(admin, { userId: sellerRow.id, role: "SELLER", name: sellerRow.name });
  const technician = viewerAs(admin, { userId: techRow.id, role: "SUPPORT", name: techRow.name });
  const customerAdmin = viewerAs(admin, { userId: karin.id, role: "CUSTOMER_ADMIN", organisationId: customerId, organisationKind: "CUSTOMER", name: karin.name });
  const propertyId = okOf(await parties.createProperty(db, admin, { customerId, name: "Kvarteret Äppelträdet", streetAddress: "Storgatan 1", postalCode: "41101", city: "Göteborg", apartments: 620 })).id;
  okOf(await releases.publishProductRelease(db, admin, { product: "HANTERA", version: "5.12.0", releasedOn: day(-60) }));
  okOf(await releases.publishProductRelease(db, admin, { product: "MULTI_ACCESS", version: "3.4.0", releasedOn: day(-60) }));
  okOf(await releases.setInstalledVersion(db, admin, { propertyId, product: "HANTERA", version: "5.10.1" }));

  async function agreement(tier: "PLUS_500" | "BRF" = "PLUS_500", endsIn = 700) {
    const a = okOf(await agreements.createAgreement(db, admin, { customerId, partnerId, sellerId: seller.userId, tier, propertyIds: [propertyId], startsOn: day(-30), endsOn: day(endsIn) }, clock));
    return okOf(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock));
  }

  /** Takes the agreement's tailoring through all five steps to an agreed end date. */
  async function tailoredTo(agreementId: string, endOn: string) {
    const t = okOf(await tailoring.requestTailoring(db, seller, { agreementId }, clock));
    okOf(await tailoring.recordSystemReview(db, seller, { tailoringId: t.id, meetingOn: day(1), attendees: ["Sara", "Karin"], findings: [] }, clock));
    const plan = (await tailoring.planOf(db, t.id))!;
    const item = okOf(await actionPlan.addActionItem(db, seller, { actionPlanId: plan.id, title: "Extern backup", owner: "VENDOR" }, clock));
    const ordered = okOf(await actionPlan.prioritiseActionPlan(db, seller, { actionPlanId: plan.id, itemIds: [item.id], expectedVersion: plan.version + 1 }, clock));
    okOf(await actionPlan.confirmPriorities(db, customerAdmin, { actionPlanId: plan.id, expectedVersion: ordered.version }, clock));
    okOf(await actionPlan.agreeEndDate(db, seller, { actionPlanId: plan.id, endOn }, clock));
    okOf(await actionPlan.agreeEndDate(db, customerAdmin, { actionPlanId: plan.id, endOn }, clock));
    return plan;
  }

  return { db, admin, seller, technician, customerAdmin, customerId, partnerId, propertyId, agreement, tailoredTo };
}
