import type { Database } from "../../db/client.js";
import { addDaysIso } from "../../shared/dates.js";
import { adminViewer, okOf } from "../../test-support.js";
import * as parties from "../parties/party.service.js";
import { createAgreementLoaders } from "./agreement.loaders.js";
import * as s from "./agreement.service.js";

export const today = "2027-03-01";
export const clock = { today, windowDays: 60 };
export const day = (n: number) => addDaysIso(today, n);
/** A refusal as the API answers it: its code, its words and the field to correct. */
export const refusal = (code: string, message: string, field: string[] | null = null) => ({
  errors: [{ code, message, field }],
});

/**
 * The world of an agreement test: two housing associations (BRF) with a property each, the admin who
 * acts, and agreements made on demand; one database per test file, shared by its cases.
 */
export async function agreementWorld(database: Database) {
  const admin = await adminViewer(database);
  const customerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Brf Ett",
      organisationNumber: "769612-3459",
    }),
  ).id;
  const otherCustomerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: "Brf Två",
      organisationNumber: "769623-4561",
    }),
  ).id;
  const propertyId = okOf(
    await parties.createProperty(database.db, admin, {
      customerId,
      name: "Ett",
      streetAddress: "Gatan 1",
      postalCode: "41101",
      city: "Gbg",
      apartments: 20,
    }),
  ).id;
  const otherPropertyId = okOf(
    await parties.createProperty(database.db, admin, {
      customerId: otherCustomerId,
      name: "Två",
      streetAddress: "Gatan 2",
      postalCode: "41101",
      city: "Gbg",
      apartments: 20,
    }),
  ).id;

  /** A BRF agreement of the first customer, active unless asked not to be, running from day -100 to 200. */
  async function agreement(opts: Partial<s.CreateAgreementInput> & { activate?: boolean } = {}) {
    const { activate = true, ...input } = opts;
    const a = okOf(
      await s.createAgreement(
        database.db,
        admin,
        { customerId, tier: "BRF", propertyIds: [propertyId], startsOn: day(-100), endsOn: day(200), ...input },
        clock,
      ),
    );
    return activate ? okOf(await s.activateAgreement(database.db, admin, { agreementId: a.id }, clock)) : a;
  }

  /** The parts of an agreement as a request reads them: through fresh loaders, so nothing is cached. */
  const parts = () => createAgreementLoaders(database.db);

  return { admin, customerId, otherCustomerId, propertyId, otherPropertyId, agreement, parts };
}

export type AgreementWorld = Awaited<ReturnType<typeof agreementWorld>>;
