/** The agreements module as other modules see it; "valid" and the status come from agreement-status.ts alone. */
export { addOnIsActive, addOnNotOverSql, hostingRunning } from "./add-ons.js";
export {
  type AddOnRow,
  type AgreementRecord,
  type HanteraAccountRow,
  type LicenceRentalRow,
  selectAgreements,
} from "./agreement-records.js";
export {
  effectiveEnd,
  effectiveEndDateSql,
  isRenewable,
  isValid,
  statusSql,
  terminationGivenSql,
  VALID_STATUSES,
} from "./agreement-status.js";
export { endAgreementParts, type EndCause, type EndedParts } from "./agreement-lapse.js";
export { tellPartnersOfExpiry } from "./agreement-webhook.js";
export { AGREEMENT_MANAGERS } from "./agreement.roles.js";
export {
  activateAgreement,
  createAgreement,
  findAgreement,
  findPart,
  renewAgreement,
  renewAgreementOnItsOwn,
  terminateAgreement,
} from "./agreement.service.js";
export { changeAgreementParties } from "./agreement-parties-change.js";
export { AddOn, Agreement, HanteraAccount, LicenceRental } from "./agreement.types.js";
export { rentalIsActive } from "./licence-rentals.js";
export { yearlyValueMinor } from "./yearly-value.js";
export { HostedService } from "./agreement.enums.js";
export { anonymiseFormerHanteraAccounts } from "./hantera-account-anonymisation.js";
