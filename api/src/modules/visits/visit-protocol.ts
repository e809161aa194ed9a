import { desc, eq } from "drizzle-orm";
import { tellPartnerOfVisit } from "./visit-webhook.js";
import { createHash } from "node:crypto";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { visitChecks, visitProtocolVersions, type ProtocolCheckSnapshot } from "../../db/schema/index.js";
import { protocolBackupEvidence } from "./visit-backup-prefill.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import type { Clock } from "../../shared/clock.js";
import { VisitErrors as E } from "./visit.errors.js";
import {
  checkKinds,
  checksOf,
  missingKinds,
  type CheckResult,
  type VisitCheckKind,
  type VisitCheckRow,
} from "./visit-checks.js";
import { signatureFrom, type SignatureInput } from "./visit-signature.js";
import { TECHNICIANS } from "./visit.roles.js";
import { bumpVisit, lockVisit, type ServiceVisitRow } from "./visit.service.js";

export type ProtocolVersionRow = typeof visitProtocolVersions.$inferSelect;

export function protocolVersionsOf(db: DbOrTx, visitId: string): Promise<ProtocolVersionRow[]> {
  return db
    .select()
    .from(visitProtocolVersions)
    .where(eq(visitProtocolVersions.visitId, visitId))
    .orderBy(desc(visitProtocolVersions.version));
}

function snapshot(
  checks: VisitCheckRow[],
  order: VisitCheckKind[],
  backupEvidence: ProtocolCheckSnapshot["backupEvidence"],
): ProtocolCheckSnapshot[] {
  return order.flatMap((kind) => {
    const c = checks.find((x) => x.kind === kind);
    if (!c) return [];
    const frozen = {
      kind,
      result: c.result,
      note: c.note,
      databaseSizeMb: c.databaseSizeMb,
      versions: c.versions ?? null,
    };
    return [kind === "BACKUP_ROUTINES" && backupEvidence ? { ...frozen, backupEvidence } : frozen];
  });
}

async function freeze(
  tx: Tx,
  viewer: Viewer,
  visit: ServiceVisitRow,
  version: number,
  reason: string | null,
  now: Date,
): Promise<ProtocolVersionRow> {
  const order = (await checkKinds(tx)).map((k) => k.code);
  // Version 1 freezes monitoring's evidence as it stands at completion; a correction keeps it, since the
  // pings it came from may be pruned by then (docs/decisions/0053-visit-checks-prefilled-from-monitoring.md).
  const backupEvidence =
    version === 1
      ? await protocolBackupEvidence(tx, visit, now)
      : ((await protocolVersionsOf(tx, visit.id))[0]?.checks.find((c) => c.kind === "BACKUP_ROUTINES")
          ?.backupEvidence ?? null);
  const [row] = await tx
    .insert(visitProtocolVersions)
    .values({
      visitId: visit.id,
      version,
      checks: snapshot(await checksOf(tx, visit.id), order, backupEvidence),
      reason,
      createdById: viewer.userId,
    })
    .returning();
  return row!;
}

/**
 * "Dessa besök protokollförs": the protocol is frozen as version 1 once every check of the table is
 * recorded. The customer's contact may sign on the technician's tablet in the same step.
 */
export async function completeServiceVisit(
  db: Db,
  viewer: Viewer,
  input: { visitId: string; databaseSizeMb?: number | null; signature?: SignatureInput | null },
  clock: Clock,
  now: Date = new Date(),
): Promise<Result<ServiceVisitRow>> {
  requireRole(viewer, TECHNICIANS);
  const signature = input.signature ? signatureFrom(input.signature, ["input", "signature"]) : null;
  if (signature && "errors" in signature) return signature;
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const { visit, agreement } = loaded;
    if (visit.completedAt) return userError(E.VISIT_COMPLETED, "The visit is already completed.", ["input", "visitId"]);
    if (visit.cancelledAt) return userError(E.VISIT_CANCELLED, "The visit was cancelled.", ["input", "visitId"]);
    const checks = await checksOf(tx, visit.id);
    const missing = missingKinds(await checkKinds(tx), checks);
    if (missing.length > 0) {
      return userError(
        E.VISIT_INCOMPLETE,
        `Record every check before completing; missing: ${missing.map((k) => `${k.code} (${k.titleEn})`).join(", ")}.`,
        ["input", "checks", ...missing.map((k) => k.code)],
      );
    }
    // The contract lets the reading come with completion; it replaces the one recorded in the check.
    if (input.databaseSizeMb != null) {
      if (!Number.isFinite(input.databaseSizeMb) || input.databaseSizeMb < 0)
        return userError(E.INVALID_INPUT, "A database size is a number of MB, zero or more.", [
          "input",
          "databaseSizeMb",
        ]);
      const size = checks.find((c) => c.kind === "DATABASE_SIZE")!;
      await tx.update(visitChecks).set({ databaseSizeMb: input.databaseSizeMb }).where(eq(visitChecks.id, size.id));
    }
    await freeze(tx, viewer, visit, 1, null, now);
    const row = await bumpVisit(tx, visit, {
      completedAt: now,
      completedById: viewer.userId,
      protocolVersion: 1,
      ...(signature ? signature.ok : {}),
    });
    await recordAudit(tx, viewer, {
      action: "serviceVisit.complete",
      objectType: "ServiceVisit",
      objectId: visit.id,
      organisationId: agreement.customerId,
      details: { signed: !!signature },
    });
    await tellPartnerOfVisit(tx, row, agreement, "VISIT_COMPLETED", "COMPLETED");
    return ok(row);
  });
}

export interface CorrectionInput {
  visitId: string;
  reason: string;
  checks: { kind: VisitCheckKind; result: CheckResult; note?: string | null; databaseSizeMb?: number | null }[];
  /** The signer signs again: replaces a signature whose image is damaged or wrong. */
  signature?: SignatureInput | null;
}

/**
 * The audit trail of a replaced signature: who had signed and when, and the SHA-256 of the image
 * that was replaced (its bytes may be hostile, so they are not copied into the trail).
 */
function replacedSignature(visit: ServiceVisitRow, signedByName: string) {
  return {
    replacedSignedByName: visit.signedByName,
    replacedSignedAt: visit.signedAt?.toISOString() ?? null,
    replacedImageSha256: createHash("sha256")
      .update(visit.signaturePng ?? "")
      .digest("hex"),
    signedByName,
  };
}

/**
 * A frozen protocol is never edited: a correction is the next version, with its reason. It may
 * correct checks, replace the signature, or both; a completed, signed visit whose signature image
 * cannot be drawn has no other way to a readable protocol.
 */
export async function correctVisitProtocol(
  db: Db,
  viewer: Viewer,
  input: CorrectionInput,
  clock: Clock,
): Promise<Result<ProtocolVersionRow>> {
  requireRole(viewer, TECHNICIANS);
  const reason = input.reason.trim();
  if (!reason) return userError(E.INVALID_INPUT, "Say why the protocol is corrected.", ["input", "reason"]);
  if (input.checks.length === 0 && !input.signature)
    return userError(E.INVALID_INPUT, "Name at least one check to correct, or give a new signature.", [
      "input",
      "checks",
    ]);
  const signature = input.signature ? signatureFrom(input.signature, ["input", "signature"]) : null;
  if (signature && "errors" in signature) return signature;
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const { visit, agreement } = loaded;
    if (!visit.completedAt)
      return userError(E.VISIT_NOT_COMPLETED, "The visit is not completed yet; record the checks instead.", [
        "input",
        "visitId",
      ]);
    if (signature && !visit.signedAt)
      return userError(
        E.NOT_SIGNED,
        "Nobody has signed this protocol yet: sign it (signVisitProtocol) rather than correct it.",
        ["input", "signature"],
      );
    const checks = await checksOf(tx, visit.id);
    for (const [i, c] of input.checks.entries()) {
      const existing = checks.find((x) => x.kind === c.kind);
      if (!existing)
        return userError(E.CHECK_NOT_RECORDED, `${c.kind} is not on this protocol.`, [
          "input",
          "checks",
          String(i),
          "kind",
        ]);
      if (
        c.databaseSizeMb != null &&
        (c.kind !== "DATABASE_SIZE" || c.databaseSizeMb < 0 || !Number.isFinite(c.databaseSizeMb))
      ) {
        return userError(E.INVALID_INPUT, "Only the database-size check takes a reading, in MB, zero or more.", [
          "input",
          "checks",
          String(i),
          "databaseSizeMb",
        ]);
      }
      await tx
        .update(visitChecks)
        .set({
          result: c.result,
          note: c.note?.trim() ?? existing.note,
          databaseSizeMb: c.databaseSizeMb ?? existing.databaseSizeMb,
        })
        .where(eq(visitChecks.id, existing.id));
    }
    const [latest] = await protocolVersionsOf(tx, visit.id);
    const row = await freeze(tx, viewer, visit, (latest?.version ?? 0) + 1, reason, new Date());
    await bumpVisit(tx, visit, { protocolVersion: row.version, ...(signature ? signature.ok : {}) });
    await recordAudit(tx, viewer, {
      action: "serviceVisit.correctProtocol",
      objectType: "ServiceVisit",
      objectId: visit.id,
      organisationId: agreement.customerId,
      details: {
        version: row.version,
        reason,
        ...(signature ? { signature: replacedSignature(visit, signature.ok.signedByName!) } : {}),
      },
    });
    return ok(row);
  });
}
