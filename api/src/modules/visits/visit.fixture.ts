import { crc32 } from "node:zlib";
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
  const customerId = okOf(
    await parties.createOrganisation(db, admin, {
      kind: "CUSTOMER",
      name: "Västkust Fastigheter AB",
      organisationNumber: "556901-2346",
    }),
  ).id;
  const partnerId = okOf(
    await parties.createOrganisation(db, admin, {
      kind: "PARTNER",
      name: "Nordsäk AB",
      organisationNumber: "556812-3458",
    }),
  ).id;
  const karin = await user(customerId, "Karin Åström", "karin@owner.example", "CUSTOMER_ADMIN");
  await user(partnerId, "Petra Partner", "petra@partner.example", "PARTNER_ADMIN");
  const seller = viewerAs(admin, { userId: sellerRow.id, role: "SELLER", name: sellerRow.name });
  const technician = viewerAs(admin, { userId: techRow.id, role: "SUPPORT", name: techRow.name });
  const customerAdmin = viewerAs(admin, {
    userId: karin.id,
    role: "CUSTOMER_ADMIN",
    organisationId: customerId,
    organisationKind: "CUSTOMER",
    name: karin.name,
  });
  const propertyId = okOf(
    await parties.createProperty(db, admin, {
      customerId,
      name: "Kvarteret Äppelträdet",
      streetAddress: "Storgatan 1",
      postalCode: "41101",
      city: "Göteborg",
      apartments: 620,
    }),
  ).id;
  okOf(
    await releases.publishProductRelease(db, admin, { product: "HANTERA", version: "5.12.0", releasedOn: day(-60) }),
  );
  okOf(
    await releases.publishProductRelease(db, admin, {
      product: "MULTI_ACCESS",
      version: "3.4.0",
      releasedOn: day(-60),
    }),
  );
  okOf(await releases.setInstalledVersion(db, admin, { propertyId, product: "HANTERA", version: "5.10.1" }));

  async function agreement(tier: "PLUS_500" | "BRF" = "PLUS_500", endsIn = 700) {
    const a = okOf(
      await agreements.createAgreement(
        db,
        admin,
        {
          customerId,
          partnerId,
          sellerId: seller.userId,
          tier,
          propertyIds: [propertyId],
          startsOn: day(-30),
          endsOn: day(endsIn),
        },
        clock,
      ),
    );
    return okOf(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock));
  }

  /** Takes the agreement's tailoring through all five steps to an agreed end date. */
  async function tailoredTo(agreementId: string, endOn: string) {
    const t = okOf(await tailoring.requestTailoring(db, seller, { agreementId }, clock));
    okOf(
      await tailoring.recordSystemReview(
        db,
        seller,
        { tailoringId: t.id, meetingOn: day(1), attendees: ["Sara", "Karin"], findings: [] },
        clock,
      ),
    );
    const plan = (await tailoring.planOf(db, t.id))!;
    const item = okOf(
      await actionPlan.addActionItem(
        db,
        seller,
        { actionPlanId: plan.id, title: "Extern backup", owner: "VENDOR" },
        clock,
      ),
    );
    const ordered = okOf(
      await actionPlan.prioritiseActionPlan(
        db,
        seller,
        { actionPlanId: plan.id, itemIds: [item.id], expectedVersion: plan.version + 1 },
        clock,
      ),
    );
    okOf(
      await actionPlan.confirmPriorities(
        db,
        customerAdmin,
        { actionPlanId: plan.id, expectedVersion: ordered.version },
        clock,
      ),
    );
    okOf(await actionPlan.agreeEndDate(db, seller, { actionPlanId: plan.id, endOn }, clock));
    okOf(await actionPlan.agreeEndDate(db, customerAdmin, { actionPlanId: plan.id, endOn }, clock));
    return plan;
  }

  return { db, admin, seller, technician, customerAdmin, customerId, partnerId, propertyId, agreement, tailoredTo };
}

/** One PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Buffer, length = data.length): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A valid IHDR chunk: 8-bit RGBA, not interlaced unless asked. */
export function ihdr(width: number, height: number, interlace = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8;
  data[9] = 6;
  data[12] = interlace;
  return pngChunk("IHDR", data);
}

/**
 * The 85-byte "PNG" of issue 18: the magic bytes, a valid IHDR, then a chunk whose length is
 * 0xFFFFFFF4, type `zzzz`, and 44 zero bytes. pdfmake's PNG reader spins on it forever.
 */
export function spinningPng(): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(0xfffffff4);
  return Buffer.concat([PNG_MAGIC, ihdr(1, 1), length, Buffer.from("zzzz", "latin1"), Buffer.alloc(44)]);
}

export const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString("base64")}`;
