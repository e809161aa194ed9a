import type { Db } from "../db/client.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import * as agreements from "../modules/agreements/agreement.service.js";
import * as actionPlan from "../modules/tailoring/action-plan.js";
import * as tailoring from "../modules/tailoring/tailoring.service.js";
import type { Viewer } from "../shared/viewer.js";
import type { LivedTime } from "./lived-time.js";
import { seedBouncedMail } from "./demo-bounced-mail.js";
import { must } from "./must.js";

/** The customer admin whose annual visit is due and not booked (password: the demo password). */
const VISIT_DUE_LOGIN = "maja@majvik.demo";

/**
 * What the dashboards point people at: a 500+ customer whose tailoring agreed an end date three
 * weeks ahead, so its first annual visit is due and nobody has booked it (the seller's "visits to
 * book", the customer's "not booked yet"); and a mail that bounced for good (the admin's outbox).
 */
export async function seedDemoAttention(
  db: Db,
  lived: LivedTime,
  admin: Viewer,
  orgIds: Map<string, string>,
  propertyIds: Map<string, string>,
) {
  const { day } = lived;
  const sara = (await systemViewerOf(db, "sara.saljare@aptus.demo"))!;
  const maja = (await systemViewerOf(db, VISIT_DUE_LOGIN))!;
  const customerId = orgIds.get("Majviks Fastigheter AB")!;
  const a = await lived.on(-158, "10:30", async ({ clock }) =>
    must(
      await agreements.createAgreement(
        db,
        admin,
        {
          customerId,
          partnerId: null,
          sellerId: sara.userId,
          tier: "PLUS_500",
          propertyIds: [propertyIds.get("Kv. Sjöbacken 3")!],
          startsOn: day(-150),
          endsOn: day(215),
        },
        clock,
      ),
      "Majvik agreement",
    ),
  );
  await lived.on(-155, "14:10", async ({ clock }) =>
    must(await agreements.activateAgreement(db, admin, { agreementId: a.id }, clock), "activate Majvik"),
  );
  const t = await lived.on(-127, "08:40", async ({ clock }) =>
    must(
      await tailoring.requestTailoring(
        db,
        maja,
        { agreementId: a.id, message: "Vi vill gå igenom passersystemet inför nästa år." },
        clock,
      ),
      "Majvik tailoring",
    ),
  );
  await lived.on(-119, "15:20", async ({ clock }) =>
    must(
      await tailoring.recordSystemReview(
        db,
        sara,
        {
          tailoringId: t.id,
          meetingOn: day(-120),
          attendees: ["Sara Säljare", "Maja Majvik"],
          findings: [{ area: "ROUTINES", finding: "Taggar spärras inte vid avflytt." }],
        },
        clock,
      ),
      "Majvik review",
    ),
  );
  const plan = (await tailoring.planOf(db, t.id))!;
  await lived.on(-117, "10:05", async ({ clock }) => {
    const item = must(
      await actionPlan.addActionItem(
        db,
        sara,
        {
          actionPlanId: plan.id,
          title: "Rutin för att spärra taggar vid avflytt",
          owner: "CUSTOMER",
          estimateHours: 2,
          fromFindingArea: "ROUTINES",
        },
        clock,
      ),
      "Majvik item",
    );
    must(
      await actionPlan.prioritiseActionPlan(
        db,
        sara,
        { actionPlanId: plan.id, itemIds: [item.id], expectedVersion: (await tailoring.planOf(db, t.id))!.version },
        clock,
      ),
      "Majvik prioritise",
    );
  });
  await lived.on(-116, "09:30", async ({ clock }) => {
    must(
      await actionPlan.confirmPriorities(
        db,
        maja,
        { actionPlanId: plan.id, expectedVersion: (await tailoring.planOf(db, t.id))!.version },
        clock,
      ),
      "Majvik confirm",
    );
    for (const who of [sara, maja])
      must(await actionPlan.agreeEndDate(db, who, { actionPlanId: plan.id, endOn: day(21) }, clock), "Majvik end date");
  });

  // A board member's address with a typo: the receiving server refused it ten times.
  await lived.on(-2, "08:15", () => seedBouncedMail(db, day(-3)));
}
