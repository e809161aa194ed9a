import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, users } from "../../db/schema/index.js";
import { freshDatabase, adminViewer, okOf, viewerAs } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import * as parties from "../parties/party.service.js";
import { setMyLanguage } from "./user-language.js";

let database: Database;
let admin: Viewer;
let other: Viewer;

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  const u = okOf(
    await parties.createUser(database.db, admin, {
      organisationId: admin.organisationId,
      role: "SUPPORT",
      name: "Erik Tekniker",
      email: "erik@vendor.test",
      password: "Kanelbulle-Fika-2027!",
    }),
  );
  other = viewerAs(admin, { userId: u.id, role: "SUPPORT" });
});
afterAll(() => database.close());

const languageOf = async (id: string) =>
  (await database.db.select({ language: users.language }).from(users).where(eq(users.id, id)))[0]!.language;

describe("setMyLanguage", () => {
  it("starts Swedish, stores the caller's own choice only, and audits before and after", async () => {
    expect(await languageOf(other.userId)).toBe("SV");
    const row = okOf(await setMyLanguage(database.db, other, "EN"));
    expect(row.language).toBe("EN");
    expect(await languageOf(other.userId)).toBe("EN");
    expect(await languageOf(admin.userId)).toBe("SV");
    const [audit] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "user.setLanguage"))
      .orderBy(desc(auditEvents.occurredAt));
    expect([audit!.objectId, audit!.details]).toEqual([
      other.userId,
      { before: { language: "SV" }, after: { language: "EN" } },
    ]);
  });
});
