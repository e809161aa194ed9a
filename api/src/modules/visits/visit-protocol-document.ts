import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { organisations, properties, users } from "../../db/schema/index.js";
import type { AgreementRecord } from "../agreements/index.js";
import { nameFor } from "../parties/index.js";
import type { ProtocolLanguage } from "./protocol-words.js";
import { databaseSizeTrend, type SizeTrend } from "./database-size-trend.js";
import { protocolBackupEvidence, type ProtocolBackupEvidence } from "./visit-backup-prefill.js";
import { checkKinds, checksOf, sizeReadings } from "./visit-checks.js";
import { protocolVersionsOf } from "./visit-protocol.js";
import { visitDay, type ServiceVisitRow } from "./visit.service.js";

/** Everything the protocol shows, gathered once for the PDF and the mail. */
export interface ProtocolDocument {
  /** The reader's language (decision 0075); a mail to several people makes one PDF per language among them. */
  language: ProtocolLanguage;
  vendorName: string;
  agreementNumber: string;
  customerName: string;
  property: { name: string; address: string };
  visitedOn: string;
  scheduledAt: Date;
  technicianName: string;
  version: number | null;
  correctionReason: string | null;
  checks: {
    code: string;
    titleSv: string;
    titleEn: string;
    result: string | null;
    note: string;
    databaseSizeMb: number | null;
    versions: { product: string; installed: string | null; latest: string | null }[] | null;
  }[];
  sizeTrend: SizeTrend;
  /** What the backup checks saw over the year before the visit; null without backup checks. */
  backup: ProtocolBackupEvidence | null;
  signature: { name: string; at: Date; png: string } | null;
  acknowledgement: { name: string; at: Date } | null;
  /** Which named users are anonymised: their names are worded in the document's language (protocolInLanguage). */
  formerUsers: { technician: boolean; acknowledger: boolean };
}

/**
 * The document for a reader of another language: its words follow `language`, and so do the names of anonymised
 * users (decision 0086), which name no one in the reader's own words.
 */
export function protocolInLanguage(doc: ProtocolDocument, language: ProtocolLanguage): ProtocolDocument {
  const { technician, acknowledger } = doc.formerUsers;
  return {
    ...doc,
    language,
    technicianName: nameFor(language, doc.technicianName, technician),
    acknowledgement: doc.acknowledgement && {
      ...doc.acknowledgement,
      name: nameFor(language, doc.acknowledgement.name, acknowledger),
    },
  };
}

/** The checks as the protocol froze them (latest version); before completion, the working copy. */
export async function protocolDocument(
  db: DbOrTx,
  visit: ServiceVisitRow,
  agreement: AgreementRecord,
  now: Date = new Date(),
  language: ProtocolLanguage = "SV",
): Promise<ProtocolDocument> {
  const [kinds, working, versions, readings] = await Promise.all([
    checkKinds(db),
    checksOf(db, visit.id),
    protocolVersionsOf(db, visit.id),
    sizeReadings(db, agreement.id),
  ]);
  const frozen = versions[0] ?? null;
  // A frozen version keeps the evidence it was frozen with (old pings are pruned); the working copy reads it now.
  const backup = frozen
    ? (frozen.checks.find((c) => c.kind === "BACKUP_ROUTINES")?.backupEvidence ?? null)
    : await protocolBackupEvidence(db, visit, now);
  const [[vendor], [customer], [property], [technician], [acknowledger]] = await Promise.all([
    db.select().from(organisations).where(eq(organisations.kind, "VENDOR")).limit(1),
    db.select().from(organisations).where(eq(organisations.id, agreement.customerId)),
    db.select().from(properties).where(eq(properties.id, visit.propertyId)),
    db.select().from(users).where(eq(users.id, visit.technicianId)),
    visit.acknowledgedById ? db.select().from(users).where(eq(users.id, visit.acknowledgedById)) : Promise.resolve([]),
  ]);
  const source = frozen ? frozen.checks : working;
  return protocolInLanguage(
    {
      language,
      vendorName: vendor?.name ?? "Aptus",
      agreementNumber: agreement.number,
      customerName: customer?.name ?? "",
      property: {
        name: property?.name ?? "",
        address: property ? `${property.streetAddress}, ${property.postalCode} ${property.city}` : "",
      },
      visitedOn: visitDay(visit),
      scheduledAt: visit.scheduledAt,
      technicianName: technician?.name ?? "",
      version: frozen?.version ?? null,
      correctionReason: frozen?.reason ?? null,
      checks: kinds.map((k) => {
        const c = source.find((x) => x.kind === k.code);
        return {
          code: k.code,
          titleSv: k.titleSv,
          titleEn: k.titleEn,
          result: c?.result ?? null,
          note: c?.note ?? "",
          databaseSizeMb: c?.databaseSizeMb ?? null,
          versions: c?.versions ?? null,
        };
      }),
      sizeTrend: databaseSizeTrend(
        readings
          .filter((r) => r.sizeMb != null)
          .map((r) => ({ visitId: r.visitId, visitedOn: visitDay(r), sizeMb: r.sizeMb! })),
        visit.id,
      ),
      backup,
      signature:
        visit.signedAt && visit.signaturePng
          ? { name: visit.signedByName ?? "", at: visit.signedAt, png: visit.signaturePng }
          : null,
      acknowledgement: visit.acknowledgedAt ? { name: acknowledger?.name ?? "", at: visit.acknowledgedAt } : null,
      formerUsers: { technician: !!technician?.anonymisedAt, acknowledger: !!acknowledger?.anonymisedAt },
    },
    language,
  );
}
