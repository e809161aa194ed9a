import type { AgreementStatus, Role } from "~/graphql/graphql";
import { userErrorKey, type Translate } from "~/i18n/i18n";

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

/** A userError as an action returns it: the input field it concerns (e.g. "email"), its code, the API's message. */
export interface FormError {
  field: string | null;
  code: string;
  message: string;
}

/** ["input", "email"] → "email"; ["input", "monthlyPrice", "currency"] → "monthlyPrice". */
export function formErrors(userErrors: ReadonlyArray<{ code: string; field?: ReadonlyArray<string> | null; message: string }>): FormError[] {
  return userErrors.map((error) => {
    const path = (error.field ?? []).filter((part) => part !== "input");
    return { field: path[0] ?? null, code: error.code, message: error.message };
  });
}

/** The portal's text for a userError code; the API's own (English) message for a code it does not know. */
export function formErrorText(t: Translate, error: FormError): string {
  const key = userErrorKey(error.code);
  return key === "userError.UNKNOWN" ? error.message : t(key);
}

/**
 * A loader/action failure thrown by `apiFor` for a GraphQL BAD_USER_INPUT (e.g. a value the API's
 * scalar rejects), so that a form can show it instead of an error page.
 */
export function isBadRequest(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if (error instanceof Response) return error.status === 400;
  const init = "init" in error ? (error.init as { status?: number } | null) : null;
  return "type" in error && error.type === "DataWithResponseInit" && init?.status === 400;
}
