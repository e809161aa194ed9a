import type { AgreementStatus } from "~/graphql/graphql";

/** Active and expiring agreements are valid: benefits can be used and changed. */
export function isValidStatus(status: AgreementStatus): boolean {
  return status === "ACTIVE" || status === "EXPIRING";
}

export function isRenewable(status: AgreementStatus): boolean {
  return status === "ACTIVE" || status === "EXPIRING" || status === "EXPIRED";
}
