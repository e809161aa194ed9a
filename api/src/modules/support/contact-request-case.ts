import type { Tx } from "../../db/client.js";
import type { Viewer } from "../../shared/viewer.js";
import type { Category } from "./case-routing.js";
import type { CaseSeverity } from "./case-severity.js";
import { openCaseOnItsOwn } from "./open-case-on-its-own.js";
import type { SupportCaseRow } from "./support-case.service.js";

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
  return openCaseOnItsOwn(tx, {
    customerId: input.customerId,
    propertyId: null,
    category: CONTACT_REQUEST_CATEGORY,
    severity: input.severity,
    subject: input.subject,
    description: input.description,
    openedAt: input.receivedAt,
    now: input.now,
    openedBy: { userId: viewer.userId, organisationId: viewer.organisationId },
    source: "PERSON",
    audit: { viewer, details: { source: "CONTACT_REQUEST", severity: input.severity } },
  });
}
