import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { properties } from "../../db/schema/index.js";
import { userError, ok, type Result } from "../../shared/errors.js";
import { propertyScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";
import type { Category } from "./case-routing.js";
import type { CaseSeverity } from "./case-severity.js";
import { openCaseOnItsOwn } from "./open-case-on-its-own.js";
import type { SupportCaseRow } from "./support-case.service.js";
import { SupportErrors as E } from "./support.errors.js";

/**
 * Unless staff say what it is about, the sender asked the vendor, not the installer: the vendor's support takes it,
 * as any case outside programming and daily operation.
 */
const UNSORTED_CATEGORY: Category = "OTHER";

/**
 * Opens the support case a help request from the public contact page becomes once staff have tied it to its customer
 * (decision 0092), in the caller's transaction. It is opened as of the moment the request came (`receivedAt`), so its
 * first-response deadline is counted on the support calendar from then, at the request's severity, by the targets
 * table exactly as any case's: without an agreement that is the very answer time the sender's receipt promised; with
 * one, the agreement's shorter target. Staff who read the request may say what it is about (`category`) and where
 * (`propertyId`, one of the customer's): it is then routed exactly as the customer's own case would be, to the
 * installer for programming and daily operation (decision 0103). The support team, or the installer, is told as of
 * any new case; the sender, who has no account, already has the receipt, so no second one is sent.
 */
export async function openCaseFromContactRequest(
  tx: Tx,
  viewer: Viewer,
  input: {
    customerId: string;
    severity: CaseSeverity;
    category?: Category | null;
    propertyId?: string | null;
    subject: string;
    description: string;
    /** Who wrote `description`: the case names them as its author, not the staff member who linked it. */
    sender: { name: string; email: string };
    receivedAt: Date;
    now: Date;
  },
): Promise<Result<SupportCaseRow>> {
  const propertyId = input.propertyId ?? null;
  if (propertyId) {
    const [p] = await tx
      .select({ id: properties.id })
      .from(properties)
      .where(and(eq(properties.id, propertyId), eq(properties.customerId, input.customerId), propertyScope(viewer)));
    if (!p) return userError(E.NOT_FOUND, "No such property of this customer.", ["input", "propertyId"]);
  }
  const category = input.category ?? UNSORTED_CATEGORY;
  const row = await openCaseOnItsOwn(tx, {
    customerId: input.customerId,
    propertyId,
    category,
    severity: input.severity,
    subject: input.subject,
    description: input.description,
    openedAt: input.receivedAt,
    now: input.now,
    openedBy: { userId: viewer.userId, organisationId: viewer.organisationId },
    source: "PERSON",
    sender: input.sender,
    audit: { viewer, details: { source: "CONTACT_REQUEST", category, severity: input.severity } },
  });
  return ok(row);
}
