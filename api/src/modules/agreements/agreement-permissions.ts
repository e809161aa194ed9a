import { holds, type Viewer } from "../../shared/viewer.js";
import type { AgreementRecord } from "./agreement-records.js";
import { isRenewable, isValid } from "./agreement-status.js";
import { PRICE_NEGOTIATORS } from "../pricing/index.js";
import { ADD_ON_ACTORS, ADD_ON_ORDERERS, AGREEMENT_MANAGERS, BENEFIT_ACTORS } from "./agreement.roles.js";

/**
 * What the viewer may do to one agreement now: its role (the lists behind `@Authorized`) and the
 * agreement's status together. The portal shows or hides its forms from these answers instead of
 * deciding again; the mutations still check both and answer with userErrors.
 */
export function agreementPermissions(
  viewer: Viewer,
  a: Pick<AgreementRecord, "status">,
  tier: { licenceRentals: boolean } | undefined,
) {
  const manager = holds(viewer, AGREEMENT_MANAGERS);
  const valid = isValid(a.status);
  return {
    activate: manager && a.status === "DRAFT",
    renew: manager && isRenewable(a.status),
    terminate: manager && valid,
    manageHanteraAccounts: holds(viewer, BENEFIT_ACTORS) && valid,
    // After a lapse the accounts above the base quota wait for the customer to choose which stay.
    chooseHanteraAccounts: holds(viewer, BENEFIT_ACTORS),
    rentLicences: holds(viewer, BENEFIT_ACTORS) && valid && !!tier?.licenceRentals,
    orderAddOns: holds(viewer, ADD_ON_ORDERERS) && valid,
    cancelAddOns: holds(viewer, ADD_ON_ACTORS) && valid,
    agreePrices: holds(viewer, PRICE_NEGOTIATORS) && valid,
    // A draft's coverage is still being agreed; an ended agreement's is history (decision 0074).
    changeCoverage: manager && (valid || a.status === "DRAFT"),
    changeParties: manager,
  };
}
