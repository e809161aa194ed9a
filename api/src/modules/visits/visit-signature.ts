import type { Db } from "../../db/client.js";
import { recordAudit } from "../../shared/audit.js";
import { ok, userError, type Result, type UserError } from "../../shared/errors.js";
import { mutate } from "../../shared/transaction.js";
import { type Viewer, requireRole } from "../../shared/viewer.js";
import type { Clock } from "../../shared/clock.js";
import { MAX_SIGNATURE_BYTES, redrawnSignaturePng } from "./signature-png.js";
import { VisitErrors as E } from "./visit.errors.js";
import { PROTOCOL_ACKNOWLEDGERS, TECHNICIANS } from "./visit.roles.js";
import { bumpVisit, lockVisit, type ServiceVisitRow } from "./visit.service.js";

export interface SignatureInput {
  signedByName: string;
  /** The drawn signature as a PNG data URL, as a canvas gives it: data:image/png;base64,… */
  imageDataUrl: string;
}

const PREFIX = "data:image/png;base64,";

/**
 * Checks a drawn signature by what it is, not by what it claims to be: the data URL is decoded,
 * the PNG read and drawn anew (signature-png.ts), and only Trygg's own encoding is kept.
 */
export function signatureFrom(
  input: SignatureInput,
  field: string[],
): { ok: Pick<ServiceVisitRow, "signedByName" | "signaturePng" | "signedAt"> } | { errors: UserError[] } {
  const name = input.signedByName.trim();
  if (!name)
    return userError(E.INVALID_SIGNATURE, "Give the name of the person who signs.", [...field, "signedByName"]);
  const url = input.imageDataUrl.trim();
  const base64 = url.startsWith(PREFIX) ? url.slice(PREFIX.length) : null;
  if (
    !base64 ||
    base64.length > Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 4 ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)
  ) {
    return userError(
      E.INVALID_SIGNATURE,
      `The signature must be a PNG data URL (data:image/png;base64,…) of at most ${MAX_SIGNATURE_BYTES / 1024} KB.`,
      [...field, "imageDataUrl"],
    );
  }
  const png = redrawnSignaturePng(Buffer.from(base64, "base64"));
  if ("problem" in png) return userError(E.INVALID_SIGNATURE, png.problem, [...field, "imageDataUrl"]);
  return { ok: { signedByName: name, signaturePng: PREFIX + png.ok.toString("base64"), signedAt: new Date() } };
}

/** The customer's contact signs the completed protocol on the technician's tablet. */
export async function signVisitProtocol(
  db: Db,
  viewer: Viewer,
  input: { visitId: string } & SignatureInput,
  clock: Clock,
): Promise<Result<ServiceVisitRow>> {
  requireRole(viewer, TECHNICIANS);
  const signature = signatureFrom(input, ["input"]);
  if ("errors" in signature) return signature;
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded) return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const { visit, agreement } = loaded;
    if (!visit.completedAt)
      return userError(E.VISIT_NOT_COMPLETED, "Complete the visit first: the signature is on the frozen protocol.", [
        "input",
        "visitId",
      ]);
    if (visit.signedAt)
      return userError(E.ALREADY_SIGNED, `${visit.signedByName} signed this protocol already.`, ["input", "visitId"]);
    const row = await bumpVisit(tx, visit, signature.ok);
    await recordAudit(tx, viewer, {
      action: "serviceVisit.sign",
      objectType: "ServiceVisit",
      objectId: visit.id,
      organisationId: agreement.customerId,
      details: { signedByName: signature.ok.signedByName },
    });
    return ok(row);
  });
}

/** A customer user acknowledges the protocol in the portal, when nobody signed on site (or as well). */
export async function acknowledgeVisitProtocol(
  db: Db,
  viewer: Viewer,
  input: { visitId: string },
  clock: Clock,
): Promise<Result<ServiceVisitRow>> {
  requireRole(viewer, PROTOCOL_ACKNOWLEDGERS);
  return mutate(db, async (tx) => {
    const loaded = await lockVisit(tx, viewer, input.visitId, clock);
    if (!loaded || loaded.agreement.customerId !== viewer.organisationId)
      return userError(E.NOT_FOUND, "No such service visit.", ["input", "visitId"]);
    const { visit, agreement } = loaded;
    if (!visit.completedAt)
      return userError(E.VISIT_NOT_COMPLETED, "The protocol is not finished yet.", ["input", "visitId"]);
    if (visit.acknowledgedAt) return ok(visit);
    const row = await bumpVisit(tx, visit, { acknowledgedAt: new Date(), acknowledgedById: viewer.userId });
    await recordAudit(tx, viewer, {
      action: "serviceVisit.acknowledge",
      objectType: "ServiceVisit",
      objectId: visit.id,
      organisationId: agreement.customerId,
    });
    return ok(row);
  });
}
