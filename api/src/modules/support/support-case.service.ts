import {
  and,
  asc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import { tellPartnerOfCase } from "./case-webhook.js";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import {
  organisations,
  properties,
  supportCaseAttachments,
  supportCaseMessages,
  supportCaseNumberCounters,
  supportCasePauses,
  supportCases,
} from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { boundedCount } from "../../shared/bounded-count.js";
import { paginateKeyset, type Connection, type PageRequest } from "../../shared/connection.js";
import { MOST_URGENT_FIRST, NEWEST_FIRST, queuePage } from "./support-case-order.js";
import { partnerRanges } from "./partner-queue.js";
import { todayInSweden } from "../../shared/dates.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { organisationScope, propertyScope, supportCaseScope, supportMessageScope } from "../../shared/scope.js";
import { mutate } from "../../shared/transaction.js";
import { isVendorStaff, requireRole, type Viewer } from "../../shared/viewer.js";
import type { AttachmentLimits } from "./attachment-limits.js";
import { routeCase, type Category } from "./case-routing.js";
import { SEVERITY_WHEN_NOT_GIVEN, type CaseSeverity } from "./case-severity.js";
import { caseTargets } from "./case-targets.js";
import { coveringAgreement, installerOf } from "./covering-agreement.js";
import { atDeadline, type CaseDeadline } from "./case-clock.js";
import { supportCalendar } from "./support-calendar.service.js";
import { admitUploads, readAttachments, storeAttachments, type AttachmentInput } from "./support-case-attachments.js";
import { sendReceipt, tellTeamOfNewCase } from "./support-case.notifications.js";
import { SupportErrors as E } from "./support.errors.js";
import { deactivatedCustomer } from "../parties/index.js";
import { VENDOR_CASE_HANDLERS } from "./support.roles.js";

export type SupportCaseRow = typeof supportCases.$inferSelect;
export type SupportMessageRow = typeof supportCaseMessages.$inferSelect;
/**
 * An attachment without its bytes: lists and pages never read them (the download and `contentBase64` do, one by one).
 */
export type SupportAttachmentRow = Omit<typeof supportCaseAttachments.$inferSelect, "content">;
export type PauseRow = typeof supportCasePauses.$inferSelect;
export type CaseStatus = SupportCaseRow["status"];

export async function nextCaseNumber(tx: Tx, now: Date): Promise<string> {
  const year = Number(todayInSweden(now).slice(0, 4));
  const [row] = await tx
    .insert(supportCaseNumberCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: supportCaseNumberCounters.year,
      set: { last: sql`${supportCaseNumberCounters.last} + 1` },
    })
    .returning();
  return `SC-${year}-${String(row!.last).padStart(4, "0")}`;
}

export interface OpenCaseInput {
  customerId?: string | null;
  propertyId?: string | null;
  category: Category;
  /** Left out by clients from before severities: SEVERITY_WHEN_NOT_GIVEN. */
  severity?: CaseSeverity | null;
  subject: string;
  description: string;
  attachments?: readonly AttachmentInput[] | null;
}

/** Which customer a case is for: a customer user's own organisation; a partner or support names one it may see. */
async function customerFor(
  db: DbOrTx,
  viewer: Viewer,
  customerId: string | null | undefined,
): Promise<Result<{ id: string; name: string }>> {
  if (viewer.organisationKind === "CUSTOMER") {
    if (customerId && customerId !== viewer.organisationId)
      return userError(E.NOT_FOUND, "No such customer.", ["input", "customerId"]);
    const [own] = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, viewer.organisationId));
    return ok(own!);
  }
  if (isVendorStaff(viewer)) requireRole(viewer, VENDOR_CASE_HANDLERS);
  if (!customerId)
    return userError(E.CUSTOMER_REQUIRED, "Say which customer the case is for.", ["input", "customerId"]);
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, deactivatedAt: organisations.deactivatedAt })
    .from(organisations)
    .where(and(eq(organisations.id, customerId), eq(organisations.kind, "CUSTOMER"), organisationScope(viewer)));
  if (!row) return userError(E.NOT_FOUND, "No such customer.", ["input", "customerId"]);
  return row.deactivatedAt ? deactivatedCustomer(row) : ok(row);
}

/**
 * Opens a case: routes it (installer or vendor), gives it the priority and first-response target of
 * the covering agreement (or of none), counts the deadline in open hours, stores the attachments,
 * and e-mails the customer a receipt and the team a notice, all in one transaction.
 */
export async function openSupportCase(
  db: Db,
  viewer: Viewer,
  input: OpenCaseInput,
  now: Date,
  limits: AttachmentLimits,
): Promise<Result<SupportCaseRow>> {
  const customer = await customerFor(db, viewer, input.customerId);
  if ("errors" in customer) return customer;
  const propertyId = input.propertyId ?? null;
  if (propertyId) {
    const [p] = await db
      .select({ id: properties.id })
      .from(properties)
      .where(and(eq(properties.id, propertyId), eq(properties.customerId, customer.ok.id), propertyScope(viewer)));
    if (!p) return userError(E.NOT_FOUND, "No such property of this customer.", ["input", "propertyId"]);
  }
  const subject = input.subject.trim();
  const description = input.description.trim();
  if (!subject) return userError(E.SUBJECT_REQUIRED, "Give the case a subject.", ["input", "subject"]);
  if (!description)
    return userError(E.DESCRIPTION_REQUIRED, "Describe what the case is about.", ["input", "description"]);
  const files = readAttachments(input.attachments ?? [], ["input", "attachments"]);
  if ("errors" in files) return files;
  const admitted = await admitUploads(viewer, limits, files.ok);
  if ("errors" in admitted) return admitted;
  const calendar = await supportCalendar(db);
  return mutate(db, async (tx) => {
    const agreement = await coveringAgreement(tx, customer.ok.id, propertyId, todayInSweden(now));
    const installer = await installerOf(tx, customer.ok.id, propertyId, agreement?.partnerId ?? null);
    const routing = routeCase(input.category, installer);
    const severity = input.severity ?? SEVERITY_WHEN_NOT_GIVEN;
    const targets = await caseTargets(tx, calendar, agreement?.tier ?? null, severity, now);
    const [row] = await tx
      .insert(supportCases)
      .values({
        number: await nextCaseNumber(tx, now),
        customerId: customer.ok.id,
        propertyId,
        agreementId: agreement?.id ?? null,
        category: input.category,
        subject,
        description,
        routedTo: routing.routedTo,
        partnerId: routing.partnerId,
        routingReason: routing.reason,
        ...targets,
        openedAt: now,
        openedBy: viewer.userId,
        openedByOrganisationId: viewer.organisationId,
        updatedAt: now,
      })
      .returning();
    const stored = await storeAttachments(
      tx,
      viewer,
      limits,
      { customerId: customer.ok.id, caseId: row!.id, messageId: null, isNew: true },
      files.ok,
    );
    if ("errors" in stored) return stored;
    await recordAudit(tx, viewer, {
      action: "supportCaseOpened",
      objectType: "SupportCase",
      objectId: row!.id,
      organisationId: customer.ok.id,
      details: {
        number: row!.number,
        category: row!.category,
        routedTo: row!.routedTo,
        routingReason: row!.routingReason,
        severity: row!.severity,
        priority: row!.priority,
        attachments: files.ok.length,
      },
    });
    // Null: an installer without a name on record, which the mail calls "your installer" in the reader's words.
    const answeredBy = routing.routedTo === "PARTNER" ? (installer?.name ?? null) : "Aptus support";
    await sendReceipt(tx, row!, viewer.userId, {
      openNow: calendar.isOpen(now.getTime()),
      nextOpening: calendar.nextOpening(now.getTime()),
      answeredBy,
    });
    await tellTeamOfNewCase(tx, row!, customer.ok.name);
    await tellPartnerOfCase(tx, row!, "OPENED");
    return ok(row!);
  });
}

export async function findSupportCase(db: DbOrTx, viewer: Viewer, id: string): Promise<SupportCaseRow | null> {
  const [row] = await db
    .select()
    .from(supportCases)
    .where(and(eq(supportCases.id, id), supportCaseScope(viewer)));
  return row ?? null;
}

/** Cases by id as the viewer may see them, for a relation's loader (a contact request's case). */
export function visibleCasesOf(db: DbOrTx, viewer: Viewer, ids: readonly string[]): Promise<SupportCaseRow[]> {
  return db
    .select()
    .from(supportCases)
    .where(and(inArray(supportCases.id, [...ids]), supportCaseScope(viewer)));
}

/** The same, locked for a change, so two concurrent changes of one case queue up. */
export async function lockSupportCase(tx: Tx, viewer: Viewer, id: string): Promise<SupportCaseRow | null> {
  const [row] = await tx
    .select()
    .from(supportCases)
    .where(and(eq(supportCases.id, id), supportCaseScope(viewer)))
    .for("update");
  return row ?? null;
}

export interface SupportCaseFilter {
  status?: CaseStatus[] | null;
  routedTo?: "VENDOR" | "PARTNER" | null;
  category?: Category[] | null;
  customerId?: string | null;
  assigneeId?: string | null;
  unassigned?: boolean | null;
  deadline?: CaseDeadline | null;
  updatedSince?: Date | null;
}

/**
 * Cases the viewer may see. Staff and partners get a queue, the most urgent deadline first (cases
 * without one last); customers their newest cases first.
 */
export async function listSupportCases(
  db: Db,
  viewer: Viewer,
  filter: SupportCaseFilter,
  page: PageRequest,
  now: number,
): Promise<Connection<SupportCaseRow>> {
  const filtered = and(
    supportCaseScope(viewer),
    filter.status?.length ? inArray(supportCases.status, filter.status) : undefined,
    filter.routedTo ? eq(supportCases.routedTo, filter.routedTo) : undefined,
    filter.category?.length ? inArray(supportCases.category, filter.category) : undefined,
    filter.customerId ? eq(supportCases.customerId, filter.customerId) : undefined,
    filter.assigneeId ? eq(supportCases.assigneeId, filter.assigneeId) : undefined,
    filter.unassigned ? isNull(supportCases.assigneeId) : undefined,
    filter.updatedSince ? caseChangedSince(filter.updatedSince, new Date(now)) : undefined,
  );
  const view = filter.deadline ? await atDeadline(db, filter.deadline, now) : null;
  const where = and(filtered, view?.where);
  const order = viewer.organisationKind === "CUSTOMER" ? NEWEST_FIRST : MOST_URGENT_FIRST;
  return paginateKeyset(
    page,
    order.sortKey,
    () => boundedCount(db, supportCases, where),
    async (window) => ({
      rows:
        order === MOST_URGENT_FIRST
          ? await queuePage(db, filtered, view ? partnerRanges(viewer, view.ranges) : undefined, window)
          : await db
              .select({ ...getTableColumns(supportCases), cursorKey: order.cursorKey })
              .from(supportCases)
              .where(and(where, order.within(window)))
              .orderBy(...order.orderBy(window))
              .limit(window.limit),
      totalCount: null,
      bounded: true,
    }),
    ({ cursorKey: _key, queueDue: _due, ...row }: SupportCaseRow & { cursorKey: unknown; queueDue?: unknown }) => row,
  );
}

export function visibleMessagesOf(db: DbOrTx, viewer: Viewer, caseIds: readonly string[]) {
  return db
    .select()
    .from(supportCaseMessages)
    .where(and(inArray(supportCaseMessages.caseId, [...caseIds]), supportMessageScope(viewer)))
    .orderBy(asc(supportCaseMessages.createdAt), asc(supportCaseMessages.id));
}

const { content: _bytes, ...attachmentColumns } = getTableColumns(supportCaseAttachments);

/**
 * Attachments of visible cases that came with the opening or with a message the viewer may read; their bytes stay in
 * the database.
 */
export function visibleAttachmentsOf(db: DbOrTx, viewer: Viewer, where: SQL): Promise<SupportAttachmentRow[]> {
  const messageScope = supportMessageScope(viewer);
  return db
    .select({ a: attachmentColumns })
    .from(supportCaseAttachments)
    .innerJoin(supportCases, eq(supportCases.id, supportCaseAttachments.caseId))
    .leftJoin(supportCaseMessages, eq(supportCaseMessages.id, supportCaseAttachments.messageId))
    .where(
      and(
        where,
        supportCaseScope(viewer),
        messageScope ? sql`(${supportCaseAttachments.messageId} is null or ${messageScope})` : undefined,
      ),
    )
    .orderBy(asc(supportCaseAttachments.createdAt), asc(supportCaseAttachments.id))
    .then((rows) => rows.map((r) => r.a));
}

export async function findMessage(db: DbOrTx, viewer: Viewer, id: string): Promise<SupportMessageRow | null> {
  const [row] = await db
    .select({ m: supportCaseMessages })
    .from(supportCaseMessages)
    .innerJoin(supportCases, eq(supportCases.id, supportCaseMessages.caseId))
    .where(and(eq(supportCaseMessages.id, id), supportCaseScope(viewer), supportMessageScope(viewer)));
  return row?.m ?? null;
}

export async function findAttachment(db: DbOrTx, viewer: Viewer, id: string): Promise<SupportAttachmentRow | null> {
  const [row] = await visibleAttachmentsOf(db, viewer, eq(supportCaseAttachments.id, id));
  return row ?? null;
}

/**
 * A case to read again since `since`: written since then (it, its messages or pauses), or past one of its stored
 * instants since: a deadline (its `overdue` has turned with the clock alone) or its near-deadline mark (its
 * `nearDeadline` has). Each instant has an index, so the OR is a union of index ranges, never a read of every case.
 */
function caseChangedSince(since: Date, now: Date): SQL {
  const passed = (due: SQLWrapper) => and(gt(due, since), lte(due, now));
  return or(
    gt(supportCases.updatedAt, since),
    passed(supportCases.responseNearAt),
    passed(supportCases.responseDueAt),
    passed(supportCases.resolutionDueAt),
  )!;
}
