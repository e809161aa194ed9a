import type { AgreementStatus, Role } from "~/graphql/graphql";

/** Statuses in the order a user thinks of them: from draft to the end. */
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ["DRAFT", "ACTIVE", "EXPIRING", "EXPIRED", "TERMINATED"];

/**
 * Who may do what on an agreement, as the API's `@Authorized` says. The portal only hides the forms;
 * the API decides.
 */
export const AGREEMENT_PERMISSIONS = {
  /** create, activate, renew, terminate */
  manage: ["ADMIN", "SELLER"],
  /** Hantera accounts and licence rentals */
  benefits: ["ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF", "CUSTOMER_ADMIN"],
  /** hosting and monitoring */
  addOns: ["ADMIN", "SELLER", "PARTNER_ADMIN", "PARTNER_STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type AgreementPermission = keyof typeof AGREEMENT_PERMISSIONS;

export function may(role: Role, permission: AgreementPermission): boolean {
  return (AGREEMENT_PERMISSIONS[permission] as readonly Role[]).includes(role);
}
