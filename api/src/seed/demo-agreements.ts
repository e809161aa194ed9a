import type { Db } from "../db/client.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import * as agreements from "../modules/agreements/agreement.service.js";
import * as addOns from "../modules/agreements/add-ons.js";
import * as hantera from "../modules/agreements/hantera-quota.js";
import * as rentals from "../modules/agreements/licence-rentals.js";
import * as releases from "../modules/releases/release.service.js";
import * as actionPlans from "../modules/tailoring/action-plan.js";
import * as tailoring from "../modules/tailoring/tailoring.service.js";
import type { Viewer } from "../shared/viewer.js";
import { must } from "./must.js";
import type { LivedTime } from "./lived-time.js";

interface AgreementSpec {
  customer: string;
  partner: string | null;
  tier: "PLUS_500" | "BRF";
  properties: string[];
  startsOn: number;
  endsOn: number;
  /** Days from today the seller drew it up, and (unless a draft) activated it: both before it starts. */
  createdOn: number;
  activatedOn?: number;
}

/** Product releases over three years; the last of each product is the latest the demo warns against. */
const RELEASES: [releases.Product, string, number][] = [
  ["MULTI_ACCESS", "5.8.0", -1080],
  ["APTUSPORTAL", "2.5.0", -940],
  ["HANTERA", "3.2.0", -1000],
  ["MULTI_ACCESS", "5.9.2", -860],
  ["MULTI_ACCESS", "5.10.2", -610],
  ["HANTERA", "3.3.1", -520],
  ["APTUSPORTAL", "2.6.0", -420],
  ["MULTI_ACCESS", "5.11.0", -200],
  ["APTUSPORTAL", "2.7.0", -170],
  ["HANTERA", "3.4.1", -60],
  ["MULTI_ACCESS", "5.12.3", -40],
  ["APTUSPORTAL", "2.8.0", -25],
];

/** What the installers put in, and when: some properties are behind the latest release. */
const INSTALLED: [string, releases.Product, string, number][] = [
  ["Kv. Majorna 12", "MULTI_ACCESS", "5.10.2", -480],
  ["Eriksberg Kaj", "APTUSPORTAL", "2.6.0", -330],
  ["Linnégatan 12", "MULTI_ACCESS", "5.11.0", -95],
  ["Kv. Masthugget 4", "HANTERA", "3.4.1", -52],
  ["Kv. Masthugget 4", "MULTI_ACCESS", "5.12.3", -33],
  ["Eriksberg Kaj", "MULTI_ACCESS", "5.12.3", -29],
  ["Kv. Majorna 12", "APTUSPORTAL", "2.8.0", -18],
];

/**
 * Agreements in every status, each drawn up, activated, used and changed on its own day, relative to
 * today so the demo always looks current; releases and installed versions over the same years; and
 * tailorings at different steps (one waiting on the seller, one waiting on the customer).
 */
export async function seedAgreements(
  db: Db,
  lived: LivedTime,
  admin: Viewer,
  orgIds: Map<string, string>,
  propertyIds: Map<string, string>,
) {
  const { day } = lived;
  const as = async (email: string): Promise<Viewer> => (await systemViewerOf(db, email))!;
  const sara = await as("sara.saljare@aptus.demo");
  const make = async (spec: AgreementSpec) => {
    const a = await lived.on(spec.createdOn, "10:15", ({ clock }) =>
      agreements
        .createAgreement(
          db,
          admin,
          {
            customerId: orgIds.get(spec.customer)!,
            partnerId: spec.partner ? orgIds.get(spec.partner)! : null,
            sellerId: sara.userId,
            tier: spec.tier,
            propertyIds: spec.properties.map((p) => propertyIds.get(p)!),
            startsOn: day(spec.startsOn),
            endsOn: day(spec.endsOn),
          },
          clock,
        )
        .then((r) => must(r, `agreement for ${spec.customer}`)),
    );
    if (spec.activatedOn !== undefined) {
      await lived.on(spec.activatedOn, "14:30", async ({ clock }) =>
        must(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock), "activate"),
      );
    }
    return a;
  };
  const accounts = (agreementId: string, days: number, people: [string, string][]) =>
    lived.on(days, "11:00", async ({ clock }) => {
      for (const [name, email] of people)
        must(await hantera.createHanteraAccount(db, admin, { agreementId, name, email }, clock), email);
    });

  for (const [product, version, days] of RELEASES) {
    await lived.on(days, "15:00", async () =>
      must(
        await releases.publishProductRelease(db, admin, { product, version, releasedOn: day(days), notes: null }),
        `${product} ${version}`,
      ),
    );
  }
  for (const [property, product, version, days] of INSTALLED) {
    await lived.on(days, "09:45", async () =>
      must(
        await releases.setInstalledVersion(db, admin, { propertyId: propertyIds.get(property)!, product, version }),
        `${property} ${product}`,
      ),
    );
  }

  // Terminated 500+: the property was sold.
  const sold = await make({
    customer: "Västkustens Fastigheter AB",
    partner: "Låsteknik Väst AB",
    tier: "PLUS_500",
    properties: ["Kv. Kungsladugård 7"],
    startsOn: -500,
    endsOn: 230,
    createdOn: -516,
    activatedOn: -508,
  });

  // Expired BRF, signed directly (a draft for the next period comes below).
  await make({
    customer: "Brf Kastanjen",
    partner: null,
    tier: "BRF",
    properties: ["Kastanjen 1"],
    startsOn: -400,
    endsOn: -35,
    createdOn: -417,
    activatedOn: -409,
  });

  // Expiring 500+: ends within the window, so the renewal banner and lapse preview show.
  const alvstranden = await make({
    customer: "Älvstrandens Hyresbostäder AB",
    partner: "Låsteknik Väst AB",
    tier: "PLUS_500",
    properties: ["Eriksberg Kaj", "Lindholmen Strand"],
    startsOn: -335,
    endsOn: 30,
    createdOn: -348,
    activatedOn: -342,
  });
  await accounts(alvstranden.id, -334, [
    ["Eva Ekström", "eva@alvstranden.demo"],
    ["Ali Förvaltare", "ali@alvstranden.demo"],
    ["Lena Kundtjänst", "lena@alvstranden.demo"],
    ["Per Drift", "per@alvstranden.demo"],
  ]);
  await lived.on(-333, "13:10", async ({ clock }) =>
    must(
      await addOns.orderAddOn(
        db,
        admin,
        { agreementId: alvstranden.id, kind: "HOSTING", hostedServices: ["BOKNING", "FORBRUKNING", "FDB"] },
        clock,
      ),
      "hosting",
    ),
  );
  await lived.on(-306, "10:40", async ({ clock }) =>
    must(
      await rentals.rentLicence(
        db,
        admin,
        { agreementId: alvstranden.id, kind: "CONSUMPTION", quantity: 200, startsOn: day(-300), endsOn: day(30) },
        clock,
      ),
      "rental",
    ),
  );

  // Active 500+: rentals, hosting and monitoring, most of the Hantera quota in use.
  const vastkust = await make({
    customer: "Västkustens Fastigheter AB",
    partner: "Nordsäk Säkerhet AB",
    tier: "PLUS_500",
    properties: ["Kv. Masthugget 4", "Kv. Majorna 12"],
    startsOn: -300,
    endsOn: 430,
    createdOn: -312,
    activatedOn: -305,
  });
  await accounts(vastkust.id, -299, [
    ["Karin Fastighetschef", "karin@vastkustfast.demo"],
    ["Kalle Förvaltare", "kalle@vastkustfast.demo"],
    ["Fatima Husvärd", "fatima@vastkustfast.demo"],
    ["Olle Uthyrning", "olle@vastkustfast.demo"],
    ["Mira Ekonomi", "mira@vastkustfast.demo"],
    ["Jonas Drift", "jonas@vastkustfast.demo"],
    ["Sven Fastighetsskötare", "sven@vastkustfast.demo"],
  ]);
  await lived.on(-298, "14:05", async ({ clock }) => {
    must(
      await addOns.orderAddOn(
        db,
        admin,
        { agreementId: vastkust.id, kind: "HOSTING", hostedServices: ["BOKNING", "APTUSPORTAL", "HANTERA"] },
        clock,
      ),
      "hosting",
    );
    must(await addOns.orderAddOn(db, admin, { agreementId: vastkust.id, kind: "MONITORING" }, clock), "monitoring");
  });
  await lived.on(-286, "09:30", async ({ clock }) =>
    must(
      await rentals.rentLicence(
        db,
        admin,
        { agreementId: vastkust.id, kind: "BOOKING", quantity: 40, startsOn: day(-280), endsOn: day(430) },
        clock,
      ),
      "rental",
    ),
  );
  await lived.on(-204, "11:20", async ({ clock }) =>
    must(
      await rentals.rentLicence(
        db,
        admin,
        { agreementId: vastkust.id, kind: "HANTERA", quantity: 3, startsOn: day(-200), endsOn: day(430) },
        clock,
      ),
      "rental",
    ),
  );

  // Active BRF with room for two more Hantera accounts.
  const linne = await make({
    customer: "Brf Linnégatan 12",
    partner: "Nordsäk Säkerhet AB",
    tier: "BRF",
    properties: ["Linnégatan 12"],
    startsOn: -100,
    endsOn: 265,
    createdOn: -113,
    activatedOn: -106,
  });
  await accounts(linne.id, -99, [
    ["Bo Ordförande", "bo@brflinne.demo"],
    ["Siv Sekreterare", "siv@brflinne.demo"],
    ["Gunnar Vicevärd", "gunnar@brflinne.demo"],
  ]);

  await lived.on(-97, "16:10", async ({ clock }) =>
    must(
      await agreements.terminateAgreement(
        db,
        admin,
        { agreementId: sold.id, terminatesOn: day(-90), reason: "Fastigheten såld till ny ägare." },
        clock,
      ),
      "terminate",
    ),
  );
  await make({
    customer: "Brf Kastanjen",
    partner: null,
    tier: "BRF",
    properties: ["Kastanjen 1"],
    startsOn: 10,
    endsOn: 375,
    createdOn: -48,
  });

  // Älvstranden asks for a review before renewing; the seller holds the meeting and plans the work.
  const eva = await as("eva@alvstranden.demo");
  const t = await lived.on(-34, "08:50", async ({ clock }) =>
    must(
      await tailoring.requestTailoring(
        db,
        eva,
        { agreementId: alvstranden.id, message: "Inför förnyelsen vill vi se över backup och versioner." },
        clock,
      ),
      "tailoring",
    ),
  );
  await lived.on(-19, "16:30", async ({ clock }) =>
    must(
      await tailoring.recordSystemReview(
        db,
        sara,
        {
          tailoringId: t.id,
          meetingOn: day(-20),
          attendees: ["Sara Säljare", "Eva Ekström", "Lars Låsmästare"],
          findings: [
            { area: "BACKUPS", finding: "Backupen tas bara lokalt i serverrummet." },
            { area: "HARDWARE_AND_VERSIONS", finding: "Aptusportal 2.6.0 i Eriksberg Kaj, senaste är 2.8.0." },
            { area: "ROUTINES", finding: "Ingen rutin för att spärra taggar vid avflytt." },
          ],
          notes: "Bra möte; databasen är i gott skick.",
        },
        clock,
      ),
      "review",
    ),
  );
  const plan = (await tailoring.planOf(db, t.id))!;
  const items = [
    {
      title: "Flytta backup till Aptus Hosting",
      why: "Lokal backup skyddar inte mot brand eller stöld.",
      owner: "VENDOR" as const,
      estimateHours: 6,
      fromFindingArea: "BACKUPS" as const,
    },
    {
      title: "Uppdatera Aptusportal till 2.8.0",
      why: "Senaste versionen ingår i avtalet.",
      owner: "PARTNER" as const,
      estimateHours: 3,
      fromFindingArea: "HARDWARE_AND_VERSIONS" as const,
    },
    {
      title: "Rutin för spärr av taggar vid avflytt",
      why: "Borttappade taggar ska inte ge tillträde.",
      owner: "CUSTOMER" as const,
      estimateHours: 2,
      fromFindingArea: "ROUTINES" as const,
    },
  ];
  const made = await lived.on(-16, "10:00", async ({ clock }) => {
    const added = [];
    for (const item of items)
      added.push(
        must(await actionPlans.addActionItem(db, sara, { actionPlanId: plan.id, ...item }, clock), item.title),
      );
    return added;
  });
  await lived.on(-15, "13:20", async ({ clock }) => {
    const current = (await tailoring.planOf(db, t.id))!;
    must(
      await actionPlans.prioritiseActionPlan(
        db,
        sara,
        { actionPlanId: plan.id, itemIds: [made[0]!.id, made[2]!.id, made[1]!.id], expectedVersion: current.version },
        clock,
      ),
      "prioritise",
    );
  });

  // Linnégatan's new board asks for a review: waiting on the seller.
  const bo = await as("bo@brflinne.demo");
  await lived.on(-3, "19:40", async ({ clock }) =>
    must(
      await tailoring.requestTailoring(
        db,
        bo,
        {
          agreementId: linne.id,
          message: "Vi har fått nya styrelseledamöter och vill gå igenom systemet och rutinerna.",
        },
        clock,
      ),
      "tailoring request",
    ),
  );
}
