import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { codeOf, freshDatabase, okOf } from "../../test-support.js";
import * as addOns from "./add-ons.js";
import { agreementWorld, clock, day, type AgreementWorld } from "./agreement.fixture.js";
import * as s from "./agreement.service.js";

// Hosting and monitoring ordered on an agreement, and ending with it (termination, expiry), over a database.

let database: Database;
let admin: AgreementWorld["admin"];
let agreement: AgreementWorld["agreement"];
let parts: AgreementWorld["parts"];

beforeAll(async () => {
  database = await freshDatabase();
  ({ admin, agreement, parts } = await agreementWorld(database));
});
afterAll(() => database.close());

describe("add-ons", () => {
  it("hosting needs a valid agreement: AGREEMENT_REQUIRED on a draft or an expired one", async () => {
    const draft = await agreement({ activate: false });
    expect(
      codeOf(
        await addOns.orderAddOn(
          database.db,
          admin,
          { agreementId: draft.id, kind: "HOSTING", hostedServices: ["BOKNING"] },
          clock,
        ),
      ),
    ).toBe("AGREEMENT_REQUIRED");
    const expired = await agreement({ startsOn: day(-400), endsOn: day(-1) });
    expect(expired.status).toBe("EXPIRED");
    expect(
      codeOf(
        await addOns.orderAddOn(
          database.db,
          admin,
          { agreementId: expired.id, kind: "HOSTING", hostedServices: ["BOKNING"] },
          clock,
        ),
      ),
    ).toBe("AGREEMENT_REQUIRED");
  });

  it("end with the agreement: terminated at once, and inactive once it has expired", async () => {
    const a = await agreement();
    const hosting = okOf(
      await addOns.orderAddOn(
        database.db,
        admin,
        { agreementId: a.id, kind: "HOSTING", hostedServices: ["BOKNING", "HANTERA"] },
        clock,
      ),
    );
    okOf(await addOns.orderAddOn(database.db, admin, { agreementId: a.id, kind: "MONITORING" }, clock));
    expect(codeOf(await addOns.orderAddOn(database.db, admin, { agreementId: a.id, kind: "MONITORING" }, clock))).toBe(
      "ADD_ON_ALREADY_ORDERED",
    );
    // An end a renewal quote gave it (decision 0090): it runs through that day and not after, nor before its start.
    const valid = (await s.findAgreement(database.db, admin, a.id, clock))!;
    const ending = { ...hosting, endsOn: day(10) };
    expect(addOns.addOnIsActive(ending, valid, day(10))).toBe(true);
    expect(addOns.addOnIsActive(ending, { ...valid, status: "ACTIVE" }, day(11))).toBe(false);
    expect(addOns.addOnIsActive({ ...hosting, startsOn: day(1) }, valid, clock.today)).toBe(false);
    const later = { today: day(201), windowDays: 60 };
    const expired = (await s.findAgreement(database.db, admin, a.id, later))!;
    expect(expired.status).toBe("EXPIRED");
    expect(addOns.addOnIsActive(hosting, expired, later.today)).toBe(false);

    const b = await agreement();
    okOf(
      await addOns.orderAddOn(
        database.db,
        admin,
        { agreementId: b.id, kind: "HOSTING", hostedServices: ["FDB"] },
        clock,
      ),
    );
    okOf(
      await s.terminateAgreement(
        database.db,
        admin,
        { agreementId: b.id, terminatesOn: day(10), reason: "Sold" },
        clock,
      ),
    );
    const [ended] = await addOns.newestAddOnsFirst(await parts().addOns.load(b.id));
    expect(ended).toMatchObject({ endedOn: day(10), endReason: "AGREEMENT_TERMINATED" });
  });

  it("a renewal after expiry does not revive lapsed add-ons", async () => {
    const a = await agreement({ startsOn: day(-100), endsOn: day(10) });
    okOf(await addOns.orderAddOn(database.db, admin, { agreementId: a.id, kind: "MONITORING" }, clock));
    const later = { today: day(20), windowDays: 60 };
    okOf(
      await s.renewAgreement(
        database.db,
        admin,
        { agreementId: a.id, endsOn: day(400), carryOverRentals: false },
        later,
      ),
    );
    expect((await addOns.newestAddOnsFirst(await parts().addOns.load(a.id)))[0]).toMatchObject({
      endedOn: day(10),
      endReason: "AGREEMENT_EXPIRED",
    });
  });
});
