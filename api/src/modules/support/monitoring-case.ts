import { and, eq, isNotNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { organisations, supportCaseMessages, supportCases } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { MONITORING_CASE_SEVERITY } from "./case-severity.js";
import { openCaseOnItsOwn } from "./open-case-on-its-own.js";

/** A technical problem with the installation: the vendor's support answers it, as any TECHNICAL case. */
const MONITORING_CATEGORY = "TECHNICAL" as const;

/**
 * Opens the case for an incident monitoring found, in the caller's transaction: routed, prioritised
 * by the covering agreement's tier and given its first-response deadline in open hours exactly as a
 * case a person opens (support-case.service.ts), told to the support team at once, but opened by
 * nobody (source MONITORING).
 */
export async function openMonitoringCase(
  tx: Tx,
  input: { customerId: string; propertyId: string; subject: string; description: string; now: Date },
): Promise<{ id: string; number: string }> {
  const [vendor] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, "VENDOR"));
  const row = await openCaseOnItsOwn(tx, {
    customerId: input.customerId,
    propertyId: input.propertyId,
    category: MONITORING_CATEGORY,
    severity: MONITORING_CASE_SEVERITY,
    subject: input.subject,
    description: input.description,
    openedAt: input.now,
    now: input.now,
    openedBy: { userId: null, organisationId: vendor!.id },
    source: "MONITORING",
    audit: { viewer: null, details: { source: "MONITORING" } },
  });
  return { id: row.id, number: row.number };
}

/** Whether a monitoring case is still open, so a new outage of the same check is added to it. */
export async function monitoringCaseIsOpen(tx: Tx, caseId: string): Promise<boolean> {
  const [c] = await tx.select({ status: supportCases.status }).from(supportCases).where(eq(supportCases.id, caseId));
  return !!c && (c.status === "OPEN" || c.status === "WAITING_ON_CUSTOMER");
}

/**
 * Writes monitoring's note on its case (a new outage, or a recovery). On recovery, a case nobody has
 * answered or written on closes itself with the note; one that people worked on stays open for them.
 */
export async function noteOnMonitoringCase(
  tx: Tx,
  input: { caseId: string; body: string; now: Date; recovered: boolean },
): Promise<{ closed: boolean }> {
  await tx.insert(supportCaseMessages).values({
    caseId: input.caseId,
    authorUserId: null,
    side: "VENDOR",
    body: input.body,
    createdAt: input.now,
  });
  if (!input.recovered) {
    await tx.update(supportCases).set({ updatedAt: input.now }).where(eq(supportCases.id, input.caseId));
    return { closed: false };
  }
  const [c] = await tx.select().from(supportCases).where(eq(supportCases.id, input.caseId)).for("update");
  const [byPerson] = await tx
    .select({ id: supportCaseMessages.id })
    .from(supportCaseMessages)
    .where(and(eq(supportCaseMessages.caseId, input.caseId), isNotNull(supportCaseMessages.authorUserId)))
    .limit(1);
  const untouched = c && c.status === "OPEN" && !c.firstRespondedAt && !c.assigneeId && !byPerson;
  await tx
    .update(supportCases)
    .set(untouched ? { status: "CLOSED", resolvedAt: input.now, updatedAt: input.now } : { updatedAt: input.now })
    .where(eq(supportCases.id, input.caseId));
  if (untouched) {
    await recordAudit(tx, null, {
      action: "supportCaseClosed",
      objectType: "SupportCase",
      objectId: input.caseId,
      organisationId: c.customerId,
      details: { by: "MONITORING", reason: "recovered before anyone answered" },
    });
  }
  return { closed: !!untouched };
}
