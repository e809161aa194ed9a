import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agreementProperties, agreements as agreementsTable, serviceVisits } from "../db/schema/index.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import * as agreements from "../modules/agreements/agreement.service.js";
import * as actionPlan from "../modules/tailoring/action-plan.js";
import * as tailoring from "../modules/tailoring/tailoring.service.js";
import { createActionItemFromCheck } from "../modules/visits/visit-action-item.js";
import { recordVisitCheck } from "../modules/visits/visit-checks.js";
import { completeServiceVisit } from "../modules/visits/visit-protocol.js";
import { sendVisitProtocol } from "../modules/visits/visit-mail.js";
import { scheduleServiceVisit } from "../modules/visits/visit.service.js";
import type { LivedTime } from "./lived-time.js";
import { must } from "./must.js";

/** The customer admin of the demo's visit history (password: the demo password). */
const VISIT_DEMO_LOGIN = "hanna@hisingen.demo";

const at = (iso: string) => new Date(`${iso}T08:00:00Z`);

/**
 * Three years of annual support visits for a 500+ customer (a property with its own agreement,
 * renewed yearly, its tailoring agreed in the first months), the database growing each year, one
 * check turned into an action item, the next visit booked; and an overdue visit at another 500+
 * customer for the support staff's list. Each step on its own day.
 */
export async function seedDemoVisits(
  db: Db,
  lived: LivedTime,
  orgIds: Map<string, string>,
  propertyIds: Map<string, string>,
) {
  const { day } = lived;
  const as = async (email: string) => (await systemViewerOf(db, email))!;
  const [admin, sara, tomas, hanna] = [
    await as("admin@aptus.demo"),
    await as("sara.saljare@aptus.demo"),
    await as("tomas.tekniker@aptus.demo"),
    await as(VISIT_DEMO_LOGIN),
  ];
  const customerId = orgIds.get("Hisingens Bostäder AB")!;
  const propertyId = propertyIds.get("Kv. Stigberget 2")!;
  const a = await lived.on(-1131, "10:05", async ({ clock }) =>
    must(
      await agreements.createAgreement(
        db,
        admin,
        {
          customerId,
          partnerId: orgIds.get("Låsteknik Väst AB")!,
          sellerId: sara.userId,
          tier: "PLUS_500",
          propertyIds: [propertyId],
          startsOn: day(-1110),
          endsOn: day(-745),
        },
        clock,
      ),
      "Stigberget agreement",
    ),
  );
  await lived.on(-1124, "15:10", async ({ clock }) =>
    must(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock), "activate"),
  );

  const t = await lived.on(-1106, "09:20", async ({ clock }) =>
    must(
      await tailoring.requestTailoring(
        db,
        hanna,
        { agreementId: a.id, message: "Vi vill ha en plan för Stigberget." },
        clock,
      ),
      "tailoring",
    ),
  );
  await lived.on(-1089, "08:40", async ({ clock }) =>
    must(
      await tailoring.recordSystemReview(
        db,
        sara,
        {
          tailoringId: t.id,
          meetingOn: day(-1090),
          attendees: ["Sara Säljare", "Hanna Hisingen"],
          findings: [{ area: "DATABASE", finding: "Databasen växer snabbt med besöksloggar." }],
        },
        clock,
      ),
      "review",
    ),
  );
  const plan = (await tailoring.planOf(db, t.id))!;
  const item = await lived.on(-1086, "13:00", async ({ clock }) =>
    must(
      await actionPlan.addActionItem(
        db,
        sara,
        {
          actionPlanId: plan.id,
          title: "Gallra besöksloggar äldre än två år",
          owner: "VENDOR",
          estimateHours: 4,
          fromFindingArea: "DATABASE",
        },
        clock,
      ),
      "item",
    ),
  );
  const ordered = await lived.on(-1085, "10:30", async ({ clock }) =>
    must(
      await actionPlan.prioritiseActionPlan(
        db,
        sara,
        { actionPlanId: plan.id, itemIds: [item.id], expectedVersion: (await tailoring.planOf(db, t.id))!.version },
        clock,
      ),
      "prioritise",
    ),
  );
  await lived.on(-1082, "17:45", async ({ clock }) =>
    must(
      await actionPlan.confirmPriorities(db, hanna, { actionPlanId: plan.id, expectedVersion: ordered.version }, clock),
      "confirm",
    ),
  );
  await lived.on(-1072, "11:15", async ({ clock }) =>
    must(await actionPlan.agreeEndDate(db, sara, { actionPlanId: plan.id, endOn: day(-1050) }, clock), "end date"),
  );
  await lived.on(-1070, "08:05", async ({ clock }) =>
    must(await actionPlan.agreeEndDate(db, hanna, { actionPlanId: plan.id, endOn: day(-1050) }, clock), "end date"),
  );

  const years = [
    {
      on: -1048,
      booked: -1066,
      sizeMb: 2150,
      backup: "OK",
      note: "Nattlig backup till Aptus Hosting fungerar.",
      renewed: { on: -771, endsOn: -380 },
    },
    {
      on: -684,
      booked: -703,
      sizeMb: 2740,
      backup: "OK",
      note: "Backup kontrollerad, återläsning provad.",
      renewed: { on: -402, endsOn: -15 },
    },
    {
      on: -318,
      booked: -337,
      sizeMb: 3520,
      backup: "NEEDS_ACTION",
      note: "Backupen har misslyckats tre nätter i rad: disken på servern är nästan full.",
      renewed: { on: -41, endsOn: 350 },
    },
  ] as const;
  for (const y of years) {
    const v = await lived.on(y.booked, "14:50", async ({ clock }) =>
      must(
        await scheduleServiceVisit(
          db,
          sara,
          { agreementId: a.id, propertyId, technicianId: tomas.userId, scheduledAt: at(day(y.on)) },
          clock,
        ),
        "visit",
      ),
    );
    await lived.on(y.on, "11:40", async ({ clock }) => {
      const checks = [
        { kind: "DATABASE_REVIEW", result: "OK", note: "Inga fel i databasens loggar." },
        { kind: "ROUTINES", result: "OK", note: "Rutiner för in- och avflytt följs." },
        { kind: "HARDWARE_AND_VERSIONS", result: "OK", note: "Centralenheter och läsare utan anmärkning." },
        { kind: "BACKUP_ROUTINES", result: y.backup, note: y.note },
        { kind: "DATABASE_SIZE", result: "OK", note: "", databaseSizeMb: y.sizeMb },
      ] as const;
      for (const c of checks) must(await recordVisitCheck(db, tomas, { visitId: v.id, ...c }, clock), c.kind);
      if (y.backup === "NEEDS_ACTION")
        must(
          await createActionItemFromCheck(
            db,
            tomas,
            {
              visitId: v.id,
              kind: "BACKUP_ROUTINES",
              owner: "VENDOR",
              title: "Utöka backupdisken på Stigberget",
              estimateHours: 2,
            },
            clock,
          ),
          "action item",
        );
      must(await completeServiceVisit(db, tomas, { visitId: v.id }, clock), "complete");
    });
    await lived.on(y.renewed.on, "10:25", async ({ clock }) =>
      must(
        await agreements.renewAgreement(
          db,
          admin,
          { agreementId: a.id, endsOn: day(y.renewed.endsOn), carryOverRentals: false },
          clock,
        ),
        "renew",
      ),
    );
  }
  await lived.on(-9, "15:35", async ({ clock }) =>
    must(
      await scheduleServiceVisit(
        db,
        sara,
        { agreementId: a.id, propertyId, technicianId: tomas.userId, scheduledAt: at(day(47)) },
        clock,
      ),
      "next visit",
    ),
  );

  // Missed: Älvstranden's visit last week was never completed.
  const [alvstranden] = await db
    .select()
    .from(agreementsTable)
    .where(
      and(
        eq(agreementsTable.customerId, orgIds.get("Älvstrandens Hyresbostäder AB")!),
        eq(agreementsTable.tier, "PLUS_500"),
      ),
    );
  const [eriksberg] = (
    await db.select().from(agreementProperties).where(eq(agreementProperties.agreementId, alvstranden!.id))
  ).map((p) => p.propertyId);
  await lived.on(-44, "09:10", async ({ clock }) =>
    must(
      await scheduleServiceVisit(
        db,
        sara,
        { agreementId: alvstranden!.id, propertyId: eriksberg!, technicianId: tomas.userId, scheduledAt: at(day(-6)) },
        clock,
      ),
      "overdue visit",
    ),
  );
}

/**
 * The technician mails each finished visit's protocol to the customer's and the partner's admins the afternoon of
 * the visit, as "Skicka" on the visit's page does: the visit history then reads "Protokollet skickades …" for each
 * year. For `npm start` only (seedDemoLivedExtras): each protocol is a PDF of a second or so, which the tests, seeding
 * the demo again and again, do without.
 */
export async function mailDemoVisitProtocols(db: Db, lived: LivedTime): Promise<void> {
  const tomas = (await systemViewerOf(db, "tomas.tekniker@aptus.demo"))!;
  const finished = await db
    .select({ id: serviceVisits.id, completedAt: serviceVisits.completedAt })
    .from(serviceVisits)
    .where(
      and(
        isNotNull(serviceVisits.completedAt),
        isNull(serviceVisits.cancelledAt),
        isNull(serviceVisits.protocolSentAt),
      ),
    )
    .orderBy(asc(serviceVisits.completedAt));
  for (const v of finished)
    await lived.at(new Date(v.completedAt!.getTime() + 2 * 3_600_000), async ({ clock }) =>
      must(await sendVisitProtocol(db, tomas, { visitId: v.id }, clock), "protocol mail"),
    );
}
