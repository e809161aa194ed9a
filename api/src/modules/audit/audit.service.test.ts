import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, freshDatabase, okOf } from "../../test-support.js";
import * as parties from "../parties/party.service.js";
import { listAuditEvents } from "./audit.service.js";

let database: Database;
let admin: Viewer;

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Stor Ägare AB",
      organisationNumber: "556901-2346",
    }),
  );
  // An old event, late in the evening of 1 March in Sweden: 2 March in no zone east of UTC+1.
  await database.db.insert(auditEvents).values({
    action: "organisation.create",
    objectType: "Organisation",
    objectId: admin.organisationId,
    actorUserId: admin.userId,
    details: {},
    occurredAt: new Date("2026-03-01T22:30:00Z"),
  });
});
afterAll(() => database.close());

const list = async (filter: Parameters<typeof listAuditEvents>[2]) =>
  (await listAuditEvents(database.db, admin, filter, { first: 100 })).edges.map((e) => e.node);

describe("the audit trail's filters", () => {
  it("narrows by the kind of object", async () => {
    const orgs = await list({ objectType: "Organisation" });
    expect(orgs.length).toBeGreaterThanOrEqual(2);
    expect(orgs.every((e) => e.objectType === "Organisation")).toBe(true);
    expect(await list({ objectType: "NoSuchThing" })).toEqual([]);
  });

  it("narrows by Swedish calendar days, both ends included", async () => {
    const onFirst = await list({ occurredFrom: "2026-03-01", occurredTo: "2026-03-01" });
    expect(onFirst.map((e) => e.occurredAt.toISOString())).toEqual(["2026-03-01T22:30:00.000Z"]);
    expect(await list({ occurredFrom: "2026-03-02", occurredTo: "2026-03-02" })).toEqual([]);
    expect((await list({ occurredFrom: "2026-03-02" })).every((e) => e.occurredAt > new Date("2026-03-02"))).toBe(true);
  });
});
