import type { Database } from "../../db/client.js";
import { todayInSweden } from "../../shared/dates.js";
import { addDaysIso } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, okOf, viewerAs } from "../../test-support.js";
import { orderAddOn } from "../agreements/add-ons.js";
import * as agreements from "../agreements/agreement.service.js";
import * as parties from "../parties/party.service.js";
import * as releases from "../releases/release.service.js";

/**
 * A hosting world on today's date (monitoring's checks judge cover by the real day): a hosted customer
 * (Bokning and Hantera) with a partner, an unhosted customer, support staff, and the latest releases.
 */
export async function hostingWorld(database: Database) {
  const db = database.db;
  const today = todayInSweden();
  const clock = { today, windowDays: 60 };
  const day = (n: number) => addDaysIso(today, n);
  const admin = await adminViewer(database);
  const user = async (organisationId: string, name: string, email: string, role: Viewer["role"]) => {
    const row = okOf(
      await parties.createUser(db, admin, { organisationId, name, email, role, password: "long-enough-password" }),
    );
    const org = (await parties.findOrganisation(db, admin, organisationId))!;
    return viewerAs(admin, { userId: row.id, role, name, organisationId, organisationKind: org.kind });
  };
  const org = async (kind: "CUSTOMER" | "PARTNER", name: string, organisationNumber: string) =>
    okOf(await parties.createOrganisation(db, admin, { kind, name, organisationNumber })).id;
  const customerId = await org("CUSTOMER", "Älvstranden Bostäder AB", "556901-2346");
  const otherId = await org("CUSTOMER", "Annan Fastighet AB", "556677-8899");
  const partnerId = await org("PARTNER", "Nordsäk AB", "556812-3458");
  const support = await user(admin.organisationId, "Tomas Tekniker", "tomas@vendor.example", "SUPPORT");
  const seller = await user(admin.organisationId, "Sara Säljare", "sara@vendor.example", "SELLER");
  const eva = await user(customerId, "Eva Ekström", "eva@owner.example", "CUSTOMER_ADMIN");
  const otto = await user(otherId, "Otto Annan", "otto@other.example", "CUSTOMER_ADMIN");
  const petra = await user(partnerId, "Petra Partner", "petra@partner.example", "PARTNER_ADMIN");
  const property = async (customer: string, name: string, installerId: string | null) =>
    okOf(
      await parties.createProperty(db, admin, {
        customerId: customer,
        installerId,
        name,
        streetAddress: "Storgatan 1",
        postalCode: "41101",
        city: "Göteborg",
        apartments: 120,
      }),
    ).id;
  const propertyId = await property(customerId, "Kv. Eken", partnerId);
  const otherPropertyId = await property(otherId, "Kv. Boken", null);
  // The other customer's agreement has no partner: Nordsäk must not see its records.
  const agreement = async (customer: string, propertyIds: string[], partner: string | null) => {
    const a = okOf(
      await agreements.createAgreement(
        db,
        admin,
        {
          customerId: customer,
          partnerId: partner,
          sellerId: seller.userId,
          tier: "PLUS_500",
          propertyIds,
          startsOn: day(-30),
          endsOn: day(300),
        },
        clock,
      ),
    );
    return okOf(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock));
  };
  const hosted = await agreement(customerId, [propertyId], partnerId);
  const hosting = okOf(
    await orderAddOn(
      db,
      admin,
      { agreementId: hosted.id, kind: "HOSTING", hostedServices: ["BOKNING", "HANTERA"] },
      clock,
    ),
  );
  const unhosted = await agreement(otherId, [otherPropertyId], null);
  for (const [product, version, releasedOn] of [
    ["HANTERA", "5.12.0", day(-40)],
    ["HANTERA", "5.11.2", day(-90)],
    ["BOKNING", "2.3.0", day(-20)],
  ] as const)
    okOf(await releases.publishProductRelease(db, admin, { product, version, releasedOn }));
  return {
    db,
    clock,
    day,
    admin,
    support,
    seller,
    eva,
    otto,
    petra,
    customerId,
    otherId,
    propertyId,
    otherPropertyId,
    hostingAddOnId: hosting.id,
    hostedAgreementId: hosted.id,
    unhostedAgreementId: unhosted.id,
  };
}
