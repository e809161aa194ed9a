import type { Db, DbOrTx } from "../../db/client.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import type { Clock } from "../../shared/clock.js";
import type { AgreementRecord } from "../agreements/index.js";
import { queueMail } from "../notifications/index.js";
import { VisitErrors as E } from "./visit.errors.js";
import { PROTOCOL_SENDERS } from "./visit.roles.js";
import { calendarAttachment, visitEventOf, visitIcs } from "./visit-calendar.js";
import { visitLocation } from "./visit-location.js";
import { checkKinds } from "./visit-checks.js";
import { protocolVersionsOf } from "./visit-protocol.js";
import { changeLines, protocolChanges } from "./visit-protocol-changes.js";
import { ProtocolPdfFailed, renderProtocolPdf } from "./protocol-pdf.js";
import type { ProtocolLanguage } from "./protocol-words.js";
import { PROTOCOL_MAIL } from "./protocol.mails.js";
import { protocolDocument, protocolInLanguage, type ProtocolDocument } from "./visit-protocol-document.js";
import { customerAdmins, partnerAdmins, uniqueAddresses } from "./visit-recipients.js";
import { bumpVisit, findVisit, lockVisit, type LoadedVisit, type ServiceVisitRow } from "./visit.service.js";

type Reader = { email: string; language: ProtocolLanguage };

/** A completed visit with someone to send its protocol to, each in their own language. */
async function sendable(
  db: DbOrTx,
  loaded: LoadedVisit | null,
): Promise<Result<LoadedVisit & { recipients: string[]; readers: Reader[] }>> {
  if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
  const { visit, agreement } = loaded;
  if (!visit.completedAt)
    return userError(E.VISIT_NOT_COMPLETED, "Complete the visit before sending its protocol.", ["input", "visitId"]);
  const people = [...(await customerAdmins(db, agreement)), ...(await partnerAdmins(db, agreement))];
  const recipients = uniqueAddresses(people);
  const readers = recipients.map((email) => ({ email, language: people.find((p) => p.email === email)!.language }));
  if (recipients.length === 0)
    return userError(E.NO_RECIPIENTS, "Neither the customer nor the partner has an admin to send the protocol to.", [
      "input",
      "visitId",
    ]);
  return ok({ visit, agreement, recipients, readers });
}

type Made = Map<ProtocolLanguage, { doc: ProtocolDocument; pdf: Buffer }>;

/** The protocol and its PDF in each language its readers chose; PROTOCOL_PDF_FAILED when one cannot be made in time. */
async function protocolPdfOf(
  db: DbOrTx,
  visit: ServiceVisitRow,
  agreement: AgreementRecord,
  readers: readonly Reader[],
): Promise<Result<Made>> {
  const doc = await protocolDocument(db, visit, agreement);
  const made: Made = new Map();
  try {
    for (const language of new Set(readers.map((r) => r.language))) {
      const inLanguage = protocolInLanguage(doc, language);
      made.set(language, { doc: inLanguage, pdf: await renderProtocolPdf(inLanguage) });
    }
    return ok(made);
  } catch (e) {
    if (e instanceof ProtocolPdfFailed) return userError(E.PROTOCOL_PDF_FAILED, e.message, ["input", "visitId"]);
    throw e;
  }
}

const languagesOf = (readers: readonly Reader[]) => [...new Set(readers.map((r) => r.language))].sort().join();

/**
 * "Dessa besök protokollförs av Aptus personal och skickas till er": the protocol as a PDF to the
 * customer's admins and the partner, with the visit as a calendar entry. Queued in the outbox in
 * this transaction, so a failed send is retried and never loses the protocol.
 *
 * The PDF is made first, outside the transaction: its thread takes a second or two (up to its
 * deadline), and no row lock or connection should wait for it; PGlite has only one. Should the
 * visit change meanwhile, the PDF is made again from what the transaction sees.
 */
export async function sendVisitProtocol(
  db: Db,
  viewer: Viewer,
  input: { visitId: string },
  clock: Clock,
): Promise<Result<ServiceVisitRow & { recipients: string[] }>> {
  requireRole(viewer, PROTOCOL_SENDERS);
  const r = await mailProtocol(db, viewer, input.visitId, clock);
  return "errors" in r ? r : ok(r.ok!);
}

/**
 * Mails the protocol's newest version. With `due`, only while it holds under the visit's lock: the delivery job
 * (visit-protocol-delivery.ts) asks "not mailed yet" there, so two processes mail one version once; null when
 * it no longer holds. A reader who already has an earlier version gets the corrected one with what changed.
 */
export async function mailProtocol(
  db: Db,
  viewer: Viewer,
  visitId: string,
  clock: Clock,
  due?: (visit: ServiceVisitRow) => boolean,
): Promise<Result<(ServiceVisitRow & { recipients: string[] }) | null>> {
  const found = await findVisit(db, viewer, visitId, clock);
  if (found && due && !due(found.visit)) return ok(null);
  const before = await sendable(db, found);
  if ("errors" in before) return before;
  let made = await protocolPdfOf(db, before.ok.visit, before.ok.agreement, before.ok.readers);
  if ("errors" in made) return made;
  return mutate(db, async (tx) => {
    const locked = await lockVisit(tx, viewer, visitId, clock);
    if (locked && due && !due(locked.visit)) return ok(null);
    const now = await sendable(tx, locked);
    if ("errors" in now) return now;
    const { visit, agreement, recipients, readers } = now.ok;
    // Made again when the visit changed meanwhile, or a reader's language did.
    if (visit.version !== before.ok.visit.version || languagesOf(readers) !== languagesOf(before.ok.readers))
      made = await protocolPdfOf(tx, visit, agreement, readers);
    if ("errors" in made) return made;
    const location = await visitLocation(tx, visit.propertyId);
    const versions = await protocolVersionsOf(tx, visit.id);
    const newest = versions[0]!;
    const received = versions.find((v) => v.version === visit.protocolSentVersion);
    const correction = received && received.version < newest.version ? received : null;
    const changes = correction ? protocolChanges(correction.checks, newest.checks) : [];
    const titles = new Map((await checkKinds(tx)).map((k) => [k.code, k]));
    for (const { email: to, language } of readers) {
      const { doc, pdf } = made.ok.get(language)!;
      const facts = {
        on: doc.visitedOn,
        property: doc.property.name,
        number: agreement.number,
        technician: doc.technicianName,
        vendor: doc.vendorName,
        correction: correction
          ? {
              version: newest.version,
              reason: newest.reason ?? "",
              changes: { SV: changeLines(changes, titles, "SV"), EN: changeLines(changes, titles, "EN") },
            }
          : undefined,
      };
      await queueMail(tx, PROTOCOL_MAIL, { email: to, language }, facts, (text) => [
        {
          filename: `${text.fileName}-${agreement.number}-${doc.visitedOn}.pdf`,
          contentType: "application/pdf",
          content: pdf,
        },
        calendarAttachment(`supportbesok-${doc.visitedOn}.ics`, visitIcs(visitEventOf(visit, text, location))),
      ]);
    }
    const row = await bumpVisit(tx, visit, { protocolSentAt: new Date(), protocolSentVersion: newest.version });
    await recordAudit(tx, viewer, {
      action: "serviceVisit.sendProtocol",
      objectType: "ServiceVisit",
      objectId: visit.id,
      organisationId: agreement.customerId,
      details: {
        recipients,
        version: newest.version,
        ...(due ? { automatic: true } : {}),
        ...(correction ? { correctsVersion: correction.version, changes } : {}),
      },
    });
    return ok({ ...row, recipients });
  });
}
