import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { clockAt } from "../../shared/clock.js";
import { addDaysIso, todayInSweden, type IsoDate } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { adminViewer, freshDatabase, okOf } from "../../test-support.js";
import { isValid } from "../agreements/agreement-status.js";
import {
  activateAgreement,
  createAgreement,
  findAgreement,
  terminateAgreement,
} from "../agreements/agreement.service.js";
import { createOrganisation, createProperty } from "../parties/party.service.js";
import { coveringAgreement } from "./covering-agreement.js";

const T = todayInSweden();
const day = (n: number): IsoDate => addDaysIso(T, n);

let database: Database;
let admin: Viewer;
let customerId: string;
/** One property per agreement, so that each agreement alone decides whether a case there is covered. */
const propertyOf: Record<string, string> = {};
const agreementOf: Record<string, string> = {};

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  customerId = okOf(
    await createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Brf Täckningen",
      organisationNumber: "769634-5672",
    }),
  ).id;
  const agreements: Record<string, { startsOn: IsoDate; endsOn: IsoDate; activate: boolean; terminatesOn?: IsoDate }> =
    {
      startsNextWeek: { startsOn: day(10), endsOn: day(375), activate: true },
      terminated: { startsOn: day(-300), endsOn: day(60), activate: true, terminatesOn: day(5) },
      draft: { startsOn: day(-10), endsOn: day(300), activate: false },
      expired: { startsOn: day(-400), endsOn: day(-35), activate: true },
    };
  for (const [name, a] of Object.entries(agreements)) {
    propertyOf[name] = okOf(
      await createProperty(database.db, admin, {
        customerId,
        name: `Hus ${name}`,
        streetAddress: "Gatan 1",
        postalCode: "41101",
        city: "Göteborg",
        apartments: 10,
      }),
    ).id;
    const created = okOf(
      await createAgreement(
        database.db,
        admin,
        { customerId, tier: "PLUS_500", propertyIds: [propertyOf[name]!], startsOn: a.startsOn, endsOn: a.endsOn },
        clockAt(T),
      ),
    );
    agreementOf[name] = created.id;
    if (a.activate) okOf(await activateAgreement(database.db, admin, { agreementId: created.id }, clockAt(T)));
    if (a.terminatesOn)
      okOf(
        await terminateAgreement(
          database.db,
          admin,
          { agreementId: created.id, terminatesOn: a.terminatesOn, reason: "Byter leverantör" },
          clockAt(T),
        ),
      );
  }
}, 120_000);
afterAll(() => database.close());

describe("the agreement that covers a support case", () => {
  it("is one the agreements module calls valid on that day (ACTIVE or EXPIRING), and no other: one definition of a valid agreement", async () => {
    const disagreements: string[] = [];
    for (const name of Object.keys(agreementOf)) {
      for (const n of [-40, -36, -35, -34, -1, 0, 5, 6, 9, 10, 60, 61]) {
        const status = (await findAgreement(database.db, admin, agreementOf[name]!, clockAt(day(n))))!.status;
        const covered =
          (await coveringAgreement(database.db, customerId, propertyOf[name]!, day(n)))?.id === agreementOf[name];
        if (covered !== isValid(status))
          disagreements.push(`${name} on day ${n}: ${status}, ${covered ? "covers" : "does not cover"}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
