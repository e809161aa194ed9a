import { and, eq } from "drizzle-orm";
import { PNG } from "pngjs";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, serviceVisits } from "../../db/schema/index.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import { renderProtocolPdf } from "./protocol-pdf.js";
import { recordVisitCheck } from "./visit-checks.js";
import { completeServiceVisit, correctVisitProtocol } from "./visit-protocol.js";
import { protocolDocument } from "./visit-protocol-document.js";
import { signVisitProtocol } from "./visit-signature.js";
import { at, clock, dataUrl, day, ihdr, PNG_MAGIC, pngChunk, spinningPng, visitWorld } from "./visit.fixture.js";
import { findVisit, scheduleServiceVisit } from "./visit.service.js";

let database: Database;
let w: Awaited<ReturnType<typeof visitWorld>>;
let agreementId: string;
let nextDay = 10;

beforeAll(async () => {
  database = await freshDatabase();
  w = await visitWorld(database);
  agreementId = (await w.agreement("PLUS_500", 800)).id;
});
afterAll(() => database.close());

/** A drawing as a canvas gives it: a dark stroke on a transparent pad. */
function drawing(width = 60, height = 20): PNG {
  const png = new PNG({ width, height });
  for (let x = 0; x < width; x++) png.data.writeUInt32BE(0x1e293bff, (Math.floor(height / 2) * width + x) * 4);
  return png;
}

async function recordedVisit() {
  const v = okOf(
    await scheduleServiceVisit(
      w.db,
      w.seller,
      { agreementId, propertyId: w.propertyId, technicianId: w.technician.userId, scheduledAt: at(day(nextDay++)) },
      clock,
    ),
  );
  for (const kind of ["DATABASE_REVIEW", "ROUTINES", "HARDWARE_AND_VERSIONS", "BACKUP_ROUTINES"] as const) {
    okOf(await recordVisitCheck(w.db, w.technician, { visitId: v.id, kind, result: "OK", note: "" }, clock));
  }
  okOf(
    await recordVisitCheck(
      w.db,
      w.technician,
      { visitId: v.id, kind: "DATABASE_SIZE", result: "OK", databaseSizeMb: 900 },
      clock,
    ),
  );
  return v;
}

const storedSignature = async (visitId: string) =>
  (await w.db.select().from(serviceVisits).where(eq(serviceVisits.id, visitId)))[0]!.signaturePng;

describe("a drawn signature", () => {
  it("refuses the crafted 85-byte PNG that spins the PDF library's reader, on completion and on signing, and stores nothing", async () => {
    const hostile = spinningPng();
    expect(hostile.length).toBe(85);
    const v = await recordedVisit();
    const completing = await completeServiceVisit(
      w.db,
      w.technician,
      { visitId: v.id, signature: { signedByName: "Karin Åström", imageDataUrl: dataUrl(hostile) } },
      clock,
    );
    expect(completing).toMatchObject({
      errors: [{ code: "INVALID_SIGNATURE", field: ["input", "signature", "imageDataUrl"] }],
    });
    expect((await findVisit(w.db, w.admin, v.id, clock))!.visit.completedAt).toBeNull();
    okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
    const signing = await signVisitProtocol(
      w.db,
      w.technician,
      { visitId: v.id, signedByName: "Karin Åström", imageDataUrl: dataUrl(hostile) },
      clock,
    );
    expect(signing).toMatchObject({ errors: [{ code: "INVALID_SIGNATURE", field: ["input", "imageDataUrl"] }] });
    expect(await storedSignature(v.id)).toBeNull();
  });

  it("refuses bytes that only begin like a PNG, however they go on", async () => {
    const v = await recordedVisit();
    okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
    const svg = Buffer.concat([
      PNG_MAGIC,
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">${"x".repeat(80)}</svg>`),
    ]);
    const truncated = PNG.sync.write(drawing()).subarray(0, -20);
    const badCrc = Buffer.from(PNG.sync.write(drawing()));
    badCrc[40] = badCrc[40]! ^ 0xff;
    const trailing = Buffer.concat([PNG.sync.write(drawing()), Buffer.from("<script>alert(1)</script>")]);
    for (const bytes of [svg, truncated, badCrc, trailing]) {
      expect(
        codeOf(
          await signVisitProtocol(
            w.db,
            w.technician,
            { visitId: v.id, signedByName: "Karin", imageDataUrl: dataUrl(bytes) },
            clock,
          ),
        ),
      ).toBe("INVALID_SIGNATURE");
    }
    expect(await storedSignature(v.id)).toBeNull();
  });

  it("refuses a picture over 1500 × 600 pixels or an interlaced one before decoding it", async () => {
    const v = await recordedVisit();
    okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
    // A header announcing 30 000 × 30 000 pixels (3.6 GB decoded) with a tiny, valid body.
    const huge = Buffer.concat([
      PNG_MAGIC,
      ihdr(30_000, 30_000),
      pngChunk("IDAT", deflateSync(Buffer.alloc(64))),
      pngChunk("IEND", Buffer.alloc(0)),
    ]);
    const wide = await signVisitProtocol(
      w.db,
      w.technician,
      { visitId: v.id, signedByName: "Karin", imageDataUrl: dataUrl(huge) },
      clock,
    );
    expect(wide).toMatchObject({
      errors: [
        {
          code: "INVALID_SIGNATURE",
          message: "The signature is 30000 × 30000 pixels; at most 1500 × 600 are accepted.",
        },
      ],
    });
    const justOver = PNG.sync.write(drawing(1501, 20));
    expect(
      codeOf(
        await signVisitProtocol(
          w.db,
          w.technician,
          { visitId: v.id, signedByName: "Karin", imageDataUrl: dataUrl(justOver) },
          clock,
        ),
      ),
    ).toBe("INVALID_SIGNATURE");
    const interlaced = Buffer.concat([
      PNG_MAGIC,
      ihdr(4, 4, 1),
      pngChunk("IDAT", deflateSync(Buffer.alloc(64))),
      pngChunk("IEND", Buffer.alloc(0)),
    ]);
    expect(
      codeOf(
        await signVisitProtocol(
          w.db,
          w.technician,
          { visitId: v.id, signedByName: "Karin", imageDataUrl: dataUrl(interlaced) },
          clock,
        ),
      ),
    ).toBe("INVALID_SIGNATURE");
  });

  it("is stored as a PNG Trygg encoded from its pixels: the same drawing, none of the sender's other chunks", async () => {
    const v = await recordedVisit();
    okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
    const sent = PNG.sync.write(drawing());
    // A text chunk slipped in before the end: readers skip it, but it must not be what we keep.
    const withText = Buffer.concat([
      sent.subarray(0, -12),
      pngChunk("tEXt", Buffer.from("Comment\0<script>alert(1)</script>")),
      sent.subarray(-12),
    ]);
    okOf(
      await signVisitProtocol(
        w.db,
        w.technician,
        { visitId: v.id, signedByName: "Karin Åström", imageDataUrl: dataUrl(withText) },
        clock,
      ),
    );
    const stored = Buffer.from((await storedSignature(v.id))!.replace("data:image/png;base64,", ""), "base64");
    expect(stored.includes(Buffer.from("tEXt"))).toBe(false);
    const decoded = PNG.sync.read(stored);
    expect([decoded.width, decoded.height]).toEqual([60, 20]);
    expect(decoded.data.equals(drawing().data)).toBe(true);
  });
});

describe("a damaged signature on a completed, signed visit", () => {
  it("is replaced by a correction: a new protocol version with its reason, the old image's fingerprint in the audit trail, and a PDF again", async () => {
    const v = await recordedVisit();
    okOf(
      await completeServiceVisit(
        w.db,
        w.technician,
        {
          visitId: v.id,
          signature: { signedByName: "Karin Åström", imageDataUrl: dataUrl(PNG.sync.write(drawing())) },
        },
        clock,
      ),
    );
    // As an old row holds it, stored before signatures were decoded.
    const broken = dataUrl(Buffer.concat([PNG_MAGIC, Buffer.from("<svg onload=alert(1)>")]));
    await w.db.update(serviceVisits).set({ signaturePng: broken }).where(eq(serviceVisits.id, v.id));
    const damaged = (await findVisit(w.db, w.admin, v.id, clock))!;
    await expect(renderProtocolPdf(await protocolDocument(w.db, damaged.visit, damaged.agreement))).rejects.toThrow();

    const redrawn = PNG.sync.write(drawing(80, 30));
    const reason = "Underskriften gick inte att läsa; Karin Åström skrev under igen.";
    const r = await correctVisitProtocol(
      w.db,
      w.technician,
      {
        visitId: v.id,
        reason,
        checks: [],
        signature: { signedByName: "Karin Åström", imageDataUrl: dataUrl(redrawn) },
      },
      clock,
    );
    expect(okOf(r)).toMatchObject({ version: 2, reason });
    const fixed = (await findVisit(w.db, w.admin, v.id, clock))!;
    expect(PNG.sync.read(Buffer.from(fixed.visit.signaturePng!.split(",")[1]!, "base64")).width).toBe(80);
    expect(fixed.visit.signedByName).toBe("Karin Åström");
    const pdf = await renderProtocolPdf(await protocolDocument(w.db, fixed.visit, fixed.agreement));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const [audit] = await w.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, v.id), eq(auditEvents.action, "serviceVisit.correctProtocol")));
    expect(audit!.details).toMatchObject({
      version: 2,
      reason,
      signature: {
        replacedSignedByName: "Karin Åström",
        replacedImageSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        signedByName: "Karin Åström",
      },
    });
  });

  it("a correction's signature must be a real PNG too, and replaces only a signature there is", async () => {
    const v = await recordedVisit();
    okOf(await completeServiceVisit(w.db, w.technician, { visitId: v.id }, clock));
    const hostile = await correctVisitProtocol(
      w.db,
      w.technician,
      {
        visitId: v.id,
        reason: "Ny underskrift",
        checks: [],
        signature: { signedByName: "Karin", imageDataUrl: dataUrl(spinningPng()) },
      },
      clock,
    );
    expect(hostile).toMatchObject({
      errors: [{ code: "INVALID_SIGNATURE", field: ["input", "signature", "imageDataUrl"] }],
    });
    const unsigned = await correctVisitProtocol(
      w.db,
      w.technician,
      {
        visitId: v.id,
        reason: "Ny underskrift",
        checks: [],
        signature: { signedByName: "Karin", imageDataUrl: dataUrl(PNG.sync.write(drawing())) },
      },
      clock,
    );
    expect(unsigned).toMatchObject({ errors: [{ code: "NOT_SIGNED" }] });
    expect(
      codeOf(await correctVisitProtocol(w.db, w.technician, { visitId: v.id, reason: "Inget", checks: [] }, clock)),
    ).toBe("INVALID_INPUT");
  });
});
