import { and, eq, inArray, isNull } from "drizzle-orm";
import { tellPartnerOfCase } from "./case-webhook.js";
import type { Db, Tx } from "../../db/client.js";
import { organisations, supportCaseMessages, supportCasePauses, supportCases, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { forbidden, ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { isVendorStaff, requireRole, type Viewer } from "../../shared/viewer.js";
import type { SupportCalendar } from "./support-calendar.js";
import { supportCalendar } from "./support-calendar.service.js";
import { tellOfReply, tellTeamOfNewCase } from "./support-case.notifications.js";
import type { AttachmentLimits } from "./attachment-limits.js";
import { admitUploads, readAttachments, storeAttachments, type AttachmentInput } from "./support-case-attachments.js";
import {
  lockSupportCase,
  type CaseStatus,
  type SupportCaseRow,
  type SupportMessageRow,
} from "./support-case.service.js";
import { recomputeDeadlines } from "./case-deadlines.js";
import { SupportErrors as E } from "./support.errors.js";
import { PARTNER_CASE_HANDLERS, VENDOR_CASE_HANDLERS } from "./support.roles.js";

type Side = SupportMessageRow["side"];

/**
 * The viewer's side of a case, and whether it is staff that may act on it (vendor support, or the partner it is routed
 * to).
 */
function sideOf(viewer: Viewer, c: SupportCaseRow): { side: Side; staff: boolean } {
  if (isVendorStaff(viewer)) {
    requireRole(viewer, VENDOR_CASE_HANDLERS);
    return { side: "VENDOR", staff: true };
  }
  if (viewer.organisationKind === "PARTNER")
    return { side: "PARTNER", staff: c.routedTo === "PARTNER" && c.partnerId === viewer.organisationId };
  return { side: "CUSTOMER", staff: false };
}

function notFound() {
  return userError(E.NOT_FOUND, "No such support case.", ["input", "caseId"]);
}

/**
 * The clocks stand still while the next move is the customer's: waiting on them, or resolved until they reopen. A
 * resolution that did not hold goes on from where it stopped, not from the reopening.
 */
const CUSTOMER_HOLDS: readonly CaseStatus[] = ["WAITING_ON_CUSTOMER", "RESOLVED"];

/** Starts or ends the pause of the clocks as the status enters or leaves one the customer holds. */
async function movePause(tx: Tx, c: SupportCaseRow, next: CaseStatus, now: Date): Promise<void> {
  const held = CUSTOMER_HOLDS.includes(c.status);
  if (CUSTOMER_HOLDS.includes(next) && !held)
    await tx.insert(supportCasePauses).values({ caseId: c.id, startedAt: now });
  if (held && !CUSTOMER_HOLDS.includes(next)) {
    await tx
      .update(supportCasePauses)
      .set({ endedAt: now })
      .where(and(eq(supportCasePauses.caseId, c.id), isNull(supportCasePauses.endedAt)));
  }
}

async function changeStatus(
  tx: Tx,
  calendar: SupportCalendar,
  c: SupportCaseRow,
  next: CaseStatus,
  now: Date,
): Promise<void> {
  await movePause(tx, c, next, now);
  const ends = next === "RESOLVED" || next === "CLOSED";
  await tx
    .update(supportCases)
    .set({ status: next, updatedAt: now, resolvedAt: ends ? (c.resolvedAt ?? now) : null })
    .where(eq(supportCases.id, c.id));
  await recomputeDeadlines(tx, calendar, [c.id]);
}

export interface ReplyInput {
  caseId: string;
  body: string;
  internal?: boolean | null;
  attachments?: readonly AttachmentInput[] | null;
}

/**
 * A message in the thread. The customer's reopens a case that waited on them (the clock runs
 * again); the staff side's first answer that the customer can read stops the first-response clock.
 * Internal notes are the staff side's alone.
 */
export async function replyToSupportCase(
  db: Db,
  viewer: Viewer,
  input: ReplyInput,
  now: Date,
  limits: AttachmentLimits,
): Promise<Result<SupportMessageRow>> {
  const files = readAttachments(input.attachments ?? [], ["input", "attachments"]);
  // The upload limit is the caller's own, whatever the case: its answer tells nothing of another
  // tenant's case. It is counted outside the transaction, which it would otherwise wait on.
  if (!("errors" in files)) {
    const admitted = await admitUploads(viewer, limits, files.ok);
    if ("errors" in admitted) return admitted;
  }
  const calendar = await supportCalendar(db);
  return mutate(db, async (tx) => {
    // The case first: another tenant's answers as a missing one, whatever the input (decision 0039).
    const c = await lockSupportCase(tx, viewer, input.caseId);
    if (!c) return notFound();
    const body = input.body.trim();
    if (!body) return userError(E.MESSAGE_REQUIRED, "Write a message.", ["input", "body"]);
    if ("errors" in files) return files;
    const { side, staff } = sideOf(viewer, c);
    const internal = input.internal ?? false;
    if (internal && !staff) throw forbidden("Only the staff handling the case write internal notes.");
    if (c.status === "CLOSED")
      return userError(E.CASE_CLOSED, "The case is closed; open a new one.", ["input", "caseId"]);
    const [message] = await tx
      .insert(supportCaseMessages)
      .values({ caseId: c.id, authorUserId: viewer.userId, side, internal, body, createdAt: now })
      .returning();
    const stored = await storeAttachments(
      tx,
      viewer,
      limits,
      { customerId: c.customerId, caseId: c.id, messageId: message!.id, isNew: false },
      files.ok,
    );
    if ("errors" in stored) return stored;
    if (side === "CUSTOMER" && (c.status === "WAITING_ON_CUSTOMER" || c.status === "RESOLVED"))
      await changeStatus(tx, calendar, c, "OPEN", now);
    if (side !== "CUSTOMER" && !internal && !c.firstRespondedAt)
      await tx.update(supportCases).set({ firstRespondedAt: now, updatedAt: now }).where(eq(supportCases.id, c.id));
    await recordAudit(tx, viewer, {
      action: internal ? "supportCaseNoteAdded" : "supportCaseReplied",
      objectType: "SupportCase",
      objectId: c.id,
      organisationId: c.customerId,
      details: { messageId: message!.id, side, attachments: files.ok.length },
    });
    if (!internal) {
      await tellOfReply(tx, c, side === "CUSTOMER", body);
      await tellPartnerOfCase(tx, c, "REPLIED");
    }
    return ok(message!);
  });
}

/** Status changes by the staff handling the case; CLOSED is final. */
export async function setSupportCaseStatus(
  db: Db,
  viewer: Viewer,
  input: { caseId: string; status: CaseStatus },
  now: Date,
): Promise<Result<SupportCaseRow>> {
  const calendar = await supportCalendar(db);
  return mutate(db, async (tx) => {
    const c = await lockSupportCase(tx, viewer, input.caseId);
    if (!c) return notFound();
    if (!sideOf(viewer, c).staff) throw forbidden("Only the staff handling the case change its status.");
    if (c.status === "CLOSED")
      return userError(E.CASE_CLOSED, "The case is closed; open a new one.", ["input", "caseId"]);
    if (c.status === input.status)
      return userError(E.SAME_STATUS, `The case is already ${input.status}.`, ["input", "status"]);
    await changeStatus(tx, calendar, c, input.status, now);
    await recordAudit(tx, viewer, {
      action: "supportCaseStatusChanged",
      objectType: "SupportCase",
      objectId: c.id,
      organisationId: c.customerId,
      details: { from: c.status, to: input.status },
    });
    const [row] = await tx.select().from(supportCases).where(eq(supportCases.id, c.id));
    await tellPartnerOfCase(tx, row!, "STATUS_CHANGED");
    return ok(row!);
  });
}

/** Vendor support assigns its own support staff; a partner its own staff. Null unassigns. */
export async function assignSupportCase(
  db: Db,
  viewer: Viewer,
  input: { caseId: string; assigneeId: string | null },
  now: Date,
): Promise<Result<SupportCaseRow>> {
  return mutate(db, async (tx) => {
    const c = await lockSupportCase(tx, viewer, input.caseId);
    if (!c) return notFound();
    if (!sideOf(viewer, c).staff) throw forbidden("Only the staff handling the case assign it.");
    if (input.assigneeId) {
      const roles = isVendorStaff(viewer) ? VENDOR_CASE_HANDLERS : PARTNER_CASE_HANDLERS;
      const [u] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, input.assigneeId),
            eq(users.organisationId, viewer.organisationId),
            inArray(users.role, [...roles]),
          ),
        );
      if (!u)
        return userError(E.ASSIGNEE_NOT_ALLOWED, "Assign the case to someone on your own support staff.", [
          "input",
          "assigneeId",
        ]);
    }
    const [row] = await tx
      .update(supportCases)
      .set({ assigneeId: input.assigneeId, updatedAt: now })
      .where(eq(supportCases.id, c.id))
      .returning();
    await recordAudit(tx, viewer, {
      action: "supportCaseAssigned",
      objectType: "SupportCase",
      objectId: c.id,
      organisationId: c.customerId,
      details: { assigneeId: input.assigneeId },
    });
    await tellPartnerOfCase(tx, row!, "ASSIGNED");
    return ok(row!);
  });
}

/**
 * Hands a case between the vendor's support and the customer's installer, with a note for the
 * receiving side. The customer sees that it was handed over, not the note.
 */
export async function handOverSupportCase(
  db: Db,
  viewer: Viewer,
  input: { caseId: string; to: "VENDOR" | "PARTNER"; note: string },
  now: Date,
): Promise<Result<SupportCaseRow>> {
  return mutate(db, async (tx) => {
    const c = await lockSupportCase(tx, viewer, input.caseId);
    if (!c) return notFound();
    const note = input.note.trim();
    if (!note) return userError(E.MESSAGE_REQUIRED, "Write a note for whoever takes over.", ["input", "note"]);
    const { side, staff } = sideOf(viewer, c);
    if (!staff) throw forbidden("Only the staff handling the case hand it over.");
    if (side === "PARTNER" && input.to === "PARTNER")
      return userError(E.ALREADY_ROUTED_THERE, "The case is already with you.", ["input", "to"]);
    if (c.routedTo === input.to)
      return userError(E.ALREADY_ROUTED_THERE, `The case is already routed to ${input.to}.`, ["input", "to"]);
    if (input.to === "PARTNER" && !c.partnerId)
      return userError(E.NO_INSTALLER, "The customer has no installer to hand the case to.", ["input", "to"]);
    const [row] = await tx
      .update(supportCases)
      .set({ routedTo: input.to, routingReason: "HANDED_OVER", assigneeId: null, updatedAt: now })
      .where(eq(supportCases.id, c.id))
      .returning();
    await tx.insert(supportCaseMessages).values({
      caseId: c.id,
      authorUserId: viewer.userId,
      side,
      internal: true,
      handover: true,
      body: note,
      createdAt: now,
    });
    await recordAudit(tx, viewer, {
      action: "supportCaseHandedOver",
      objectType: "SupportCase",
      objectId: c.id,
      organisationId: c.customerId,
      details: { from: c.routedTo, to: input.to, note },
    });
    const [customer] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, c.customerId));
    await tellTeamOfNewCase(tx, row!, customer?.name ?? "");
    await tellPartnerOfCase(tx, row!, input.to === "PARTNER" ? "HANDED_OVER" : "HANDED_BACK", c.routedTo === "PARTNER");
    return ok(row!);
  });
}
