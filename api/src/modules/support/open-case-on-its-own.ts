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

export interface CaseOnItsOwn {
  customerId: string;
  propertyId: string | null;
  category: Category;
  severity: CaseSeverity;
  subject: string;
  description: string;
  /** When the case's clock starts: its first-response deadline is counted on the support calendar from then. */
  openedAt: Date;
  now: Date;
  /** The person who opened it (null for Trygg's monitoring), and the organisation on whose behalf. */
  openedBy: { userId: string | null; organisationId: string };
  source: "PERSON" | "MONITORING";
  /** Who wrote the description on the public contact page, when it came from there. */
  sender?: { name: string; email: string } | null;
  /** Who the audit trail names (null: Trygg itself) and what it adds about where the case came from. */
  audit: { viewer: Viewer | null; details: Record<string, unknown> };
}

/**
 * Opens a case nobody filled in a case form for (a help request staff linked, an incident monitoring found), in the
 * caller's transaction: routed, prioritised by the covering agreement's tier and given its deadlines on the support
 * calendar exactly as a case a person opens (support-case.service.ts), with the team and the partner told as of any
 * new case. No receipt: whoever should have one already has it, or there is nobody to send it to.
 */
export async function openCaseOnItsOwn(tx: Tx, input: CaseOnItsOwn): Promise<SupportCaseRow> {
  const { customerId, propertyId, openedAt, now } = input;
  const calendar = await supportCalendarIn(tx);
  const agreement = await coveringAgreement(tx, customerId, propertyId, todayInSweden(openedAt));
  const installer = await installerOf(tx, customerId, propertyId, agreement?.partnerId ?? null);
  const routing = routeCase(input.category, installer);
  const targets = await caseTargets(tx, calendar, agreement?.tier ?? null, input.severity, openedAt);
  const [customer] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, customerId));
  const [row] = await tx
    .insert(supportCases)
    .values({
      number: await nextCaseNumber(tx, now),
      customerId,
      propertyId,
      agreementId: agreement?.id ?? null,
      category: input.category,
      subject: input.subject,
      description: input.description,
      routedTo: routing.routedTo,
      partnerId: routing.partnerId,
      routingReason: routing.reason,
      ...targets,
      openedAt,
      openedBy: input.openedBy.userId,
      source: input.source,
      senderName: input.sender?.name ?? null,
      senderEmail: input.sender?.email ?? null,
      openedByOrganisationId: input.openedBy.organisationId,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, input.audit.viewer, {
    action: "supportCaseOpened",
    objectType: "SupportCase",
    objectId: row!.id,
    organisationId: customerId,
    details: { number: row!.number, ...input.audit.details, priority: row!.priority, routedTo: row!.routedTo },
  });
  await tellTeamOfNewCase(tx, row!, customer?.name ?? "");
  await tellPartnerOfCase(tx, row!, "OPENED");
  return row!;
}
