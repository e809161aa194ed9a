import { and, desc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { contactRequests } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { paginate, type Connection, type PageRequest } from "../../shared/connection.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { holds, requireRole, type Viewer } from "../../shared/viewer.js";
import {
  ORGANISATION_REGISTRARS,
  createOrganisation,
  findOrganisation,
  registerCustomerFromRequest,
} from "../parties/index.js";
import { newcomerAnswerTime, openCaseFromContactRequest, type SupportCaseCategory } from "../support/index.js";
import { helpRequestSeverity } from "./help-request-severity.js";
import { checkContactRequest, type ContactRequestFields } from "./contact-request-fields.js";
import type { ContactLimits } from "./contact-limits.js";
import { sendContactReceipt } from "./contact-receipt.js";
import { ContactErrors as E } from "./contact.errors.js";
import type { ContactRequestKind } from "./contact.enums.js";
import {
  CONTACT_REQUEST_HANDLERS,
  HELP_REQUEST_CUSTOMER_REGISTRARS,
  HELP_REQUEST_HANDLERS,
  SALES_LEAD_HANDLERS,
} from "./contact.roles.js";

export type ContactRequestRow = typeof contactRequests.$inferSelect;

/**
 * Someone without an account writes from the public contact page (decision 0081). The limits are counted before
 * anything is written; a filled honeypot (a field people never see) answers exactly as a stored request does but
 * stores and sends nothing, so a bot learns nothing from the answer. A stored request gets its answer time from the
 * support calendar and the sender a receipt, in one transaction.
 */
export async function sendContactRequest(
  db: Db,
  limits: ContactLimits,
  request: { ip: string; now: Date },
  input: ContactRequestFields & { website?: string | null },
): Promise<Result<{ answerDueAt: Date }>> {
  const checked = checkContactRequest(input);
  if ("errors" in checked) return checked;
  const admitted = await limits.admit(request.ip, checked.ok.email);
  if ("errors" in admitted) return admitted;
  const severity = helpRequestSeverity(checked.ok.kind, checked.ok.systemDown);
  const answer = await newcomerAnswerTime(db, request.now, severity ?? undefined);
  if (input.website?.trim()) return ok({ answerDueAt: answer.dueAt });
  return mutate(db, async (tx) => {
    const [row] = await tx
      .insert(contactRequests)
      .values({ ...checked.ok, receivedAt: request.now, answerDueAt: answer.dueAt, ipAddress: request.ip })
      .returning();
    await recordAudit(tx, null, {
      action: "contactRequest.receive",
      objectType: "ContactRequest",
      objectId: row!.id,
      details: { kind: row!.kind, ip: request.ip },
    });
    await sendContactReceipt(tx, { email: row!.email, name: row!.name }, row!.kind, answer);
    return ok({ answerDueAt: answer.dueAt });
  });
}

/** Help requests are support's, agreement requests the sellers'; an admin sees both. */
function kindsOf(viewer: Viewer): ContactRequestKind[] {
  return [
    ...(holds(viewer, HELP_REQUEST_HANDLERS) ? (["HELP"] as const) : []),
    ...(holds(viewer, SALES_LEAD_HANDLERS) ? (["AGREEMENT"] as const) : []),
  ];
}

function contactScope(viewer: Viewer): SQL {
  return inArray(contactRequests.kind, kindsOf(viewer));
}

export async function listContactRequests(
  db: Db,
  viewer: Viewer,
  filter: { kind?: ContactRequestKind | null; linked?: boolean | null },
  page: PageRequest,
): Promise<Connection<ContactRequestRow>> {
  requireRole(viewer, CONTACT_REQUEST_HANDLERS);
  const where = and(
    contactScope(viewer),
    filter.kind ? eq(contactRequests.kind, filter.kind) : undefined,
    filter.linked == null
      ? undefined
      : filter.linked
        ? isNotNull(contactRequests.organisationId)
        : isNull(contactRequests.organisationId),
  );
  return paginate(
    page,
    () => db.$count(contactRequests, where),
    (offset, limit) =>
      db
        .select()
        .from(contactRequests)
        .where(where)
        .orderBy(desc(contactRequests.receivedAt), desc(contactRequests.id))
        .offset(offset)
        .limit(limit),
    (row) => row,
  );
}

async function findContactRequest(db: DbOrTx, viewer: Viewer, id: string): Promise<ContactRequestRow | null> {
  if (!holds(viewer, CONTACT_REQUEST_HANDLERS)) return null;
  const [row] = await db
    .select()
    .from(contactRequests)
    .where(and(eq(contactRequests.id, id), contactScope(viewer)));
  return row ?? null;
}

/** What staff who read a help request say it is about, so its case is routed as the customer's own would be. */
interface CaseAbout {
  category?: SupportCaseCategory | null;
  propertyId?: string | null;
}

/**
 * Ties the request to its organisation, once: of two staff linking at the same moment, the first wins. A help request
 * becomes its customer's support case in the same step (decision 0092); a sales lead stays a lead.
 */
async function link(
  tx: Tx,
  viewer: Viewer,
  requestId: string,
  organisation: { id: string; name: string; kind: string },
  now: Date,
  about: CaseAbout = {},
): Promise<Result<ContactRequestRow>> {
  const [linked] = await tx
    .update(contactRequests)
    .set({ organisationId: organisation.id, linkedById: viewer.userId, linkedAt: now })
    .where(and(eq(contactRequests.id, requestId), contactScope(viewer), isNull(contactRequests.organisationId)))
    .returning();
  if (!linked) return userError(E.ALREADY_LINKED, "The request is already linked to an organisation.", ["input", "id"]);
  const severity = helpRequestSeverity(linked.kind, linked.systemDown);
  let row: ContactRequestRow | undefined = linked;
  if (severity) {
    // A case is always a customer's (routing, covering agreement, tenant scope): a partner or the vendor has none.
    if (organisation.kind !== "CUSTOMER")
      return userError(E.HELP_NEEDS_CUSTOMER, "A help request is linked to the customer it is about.", [
        "input",
        "organisationId",
      ]);
    const opened = await openCaseFromContactRequest(tx, viewer, {
      customerId: organisation.id,
      severity,
      category: about.category ?? null,
      propertyId: about.propertyId ?? null,
      subject: caseSubject(linked),
      // What the sender wrote, as they wrote it: the case names them as its author (decision 0103).
      description: linked.message,
      sender: { name: linked.name, email: linked.email },
      receivedAt: linked.receivedAt,
      now,
    });
    if ("errors" in opened) return opened;
    [row] = await tx
      .update(contactRequests)
      .set({ supportCaseId: opened.ok.id })
      .where(eq(contactRequests.id, linked.id))
      .returning();
  }
  await recordAudit(tx, viewer, {
    action: "contactRequest.link",
    objectType: "ContactRequest",
    objectId: row!.id,
    organisationId: organisation.id,
    details: { kind: row!.kind, organisation: organisation.name, supportCaseId: row!.supportCaseId },
  });
  return ok(row!);
}

/** The case's subject: the sender's first line, cut where a subject ends, and who wrote it. */
function caseSubject(request: ContactRequestRow): string {
  const firstLine = request.message.split("\n")[0]!.trim();
  const short = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  return `Kontaktformuläret: ${short} (${request.name})`;
}

/** Staff link a request to an organisation Trygg already knows (the sender's BRF, company or its customer). */
export async function linkContactRequest(
  db: Db,
  viewer: Viewer,
  input: { id: string; organisationId: string } & CaseAbout,
  now: Date,
): Promise<Result<ContactRequestRow>> {
  requireRole(viewer, CONTACT_REQUEST_HANDLERS);
  const request = await findContactRequest(db, viewer, input.id);
  if (!request) return userError(E.NOT_FOUND, "No such contact request.", ["input", "id"]);
  const organisation = await findOrganisation(db, viewer, input.organisationId);
  if (!organisation) return userError(E.NOT_FOUND, "No such organisation.", ["input", "organisationId"]);
  return mutate(db, (tx) => link(tx, viewer, request.id, organisation, now, input));
}

const registersFromHelpRequest = (viewer: Viewer, kind: ContactRequestKind) =>
  kind === "HELP" && holds(viewer, HELP_REQUEST_CUSTOMER_REGISTRARS);

/** Whether the viewer may register the sender's organisation from a request of this kind (the portal's button). */
export function mayRegisterCustomerFrom(viewer: Viewer, kind: ContactRequestKind): boolean {
  return holds(viewer, ORGANISATION_REGISTRARS) || registersFromHelpRequest(viewer, kind);
}

/**
 * Staff register the sender's organisation as a new customer from the request and link it, in one step. Sellers and
 * admins register as they always may (the parties module's rule, with its codes); support staff may too, but only from
 * a help request they answer (decision 0113), so that the click that answers it is theirs and no seller is waited on.
 */
export async function registerCustomerFromContactRequest(
  db: Db,
  viewer: Viewer,
  input: { id: string; name: string; organisationNumber: string },
  now: Date,
): Promise<Result<ContactRequestRow>> {
  requireRole(viewer, CONTACT_REQUEST_HANDLERS);
  const request = await findContactRequest(db, viewer, input.id);
  if (!request) return userError(E.NOT_FOUND, "No such contact request.", ["input", "id"]);
  if (request.organisationId)
    return userError(E.ALREADY_LINKED, "The request is already linked to an organisation.", ["input", "id"]);
  const customer = { name: input.name, organisationNumber: input.organisationNumber };
  const bySupport = !holds(viewer, ORGANISATION_REGISTRARS) && registersFromHelpRequest(viewer, request.kind);
  return mutate(db, async (tx) => {
    const created = bySupport
      ? await registerCustomerFromRequest(tx, viewer, customer)
      : await createOrganisation(tx, viewer, { kind: "CUSTOMER", ...customer });
    if ("errors" in created) return created;
    return link(tx, viewer, request.id, created.ok, now);
  });
}
