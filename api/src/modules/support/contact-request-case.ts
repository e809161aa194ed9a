import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { organisations, supportCases } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { routeCase, type Category } from "./case-routing.js";
import type { CaseSeverity } from "./case-severity.js";
import { caseTargets } from "./case-targets.js";
import { tellPartnerOfCase } from "./case-webhook.js";
import { coveringAgreement, installerOf } from "./covering-agreement.js";
import { supportCalendarIn } from "./support-calendar.service.js";
import { nextCaseNumber, type SupportCaseRow } from "./support-case.service.js";
import { tellTeamOfNewCase } from "./support-case.notifications.js";

/**
 * The sender asked the vendor, not the installer, and nobody has sorted the question yet: the vendor's support takes
 * it, as any case outside programming and daily operation.
 */
const CONTACT_REQUEST_CATEGORY: Category = "OTHER";

/**
 * Opens the support case a help request from the public contact page becomes once staff have tied it to its customer
 * (decision 0092), in the caller's transaction. It is opened as of the moment the request came (`receivedAt`), so its
 * first-response deadline is counted on the support calendar from then, at the request's severity, by the targets
 * table exactly as any case's: without an agreement that is the very answer time the sender's receipt promised; with
 * one, the agreement's shorter target. The support team is told as of any new case; the sender, who has no account,
 * already has the receipt, so no second one is sent.
 */
export async function openCaseFromContactRequest(
  tx: Tx,
  viewer: Viewer,
  input: {
    customerId: string;
    severity: CaseSeverity;
    subject: string;
    description: string;
    receivedAt: Date;
    now: Date;
  },
): Promise<SupportCaseRow> {
  const { receivedAt, now } = input;
  const calendar = await supportCalendarIn(tx);
  const agreement = await coveringAgreement(tx, input.customerId, null, todayInSweden(receivedAt));
  const installer = await installerOf(tx, input.customerId, null, agreement?.partnerId ?? null);
  const routing = routeCase(CONTACT_REQUEST_CATEGORY, installer);
  const targets = await caseTargets(tx, calendar, agreement?.tier ?? null, input.severity, receivedAt);
  const [customer] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, input.customerId));
  const [row] = await tx
    .insert(supportCases)
    .values({
      number: await nextCaseNumber(tx, now),
      customerId: input.customerId,
      propertyId: null,
      agreementId: agreement?.id ?? null,
      category: CONTACT_REQUEST_CATEGORY,
      subject: input.subject,
      description: input.description,
      routedTo: routing.routedTo,
      partnerId: routing.partnerId,
      routingReason: routing.reason,
      ...targets,
      openedAt: receivedAt,
      openedBy: viewer.userId,
      openedByOrganisationId: viewer.organisationId,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, viewer, {
    action: "supportCaseOpened",
    objectType: "SupportCase",
    objectId: row!.id,
    organisationId: input.customerId,
    details: { number: row!.number, source: "CONTACT_REQUEST", severity: row!.severity, priority: row!.priority },
  });
  await tellTeamOfNewCase(tx, row!, customer?.name ?? "");
  await tellPartnerOfCase(tx, row!, "OPENED");
  return row!;
}
