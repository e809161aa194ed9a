import { randomUUID } from "node:crypto";
import type { MessageKey } from "~/i18n/i18n";
import {
  formError,
  inPageWords,
  isBadRequest,
  refused,
  type FormError,
  type FormResult,
  type RecordPage,
  type UserErrors,
} from "~/lib/form-result";

/** The trimmed text of one field. */
export function field(form: FormData, name: string): string {
  return String(form.get(name) ?? "").trim();
}

/** The contact fields of an organisation's form (decision 0125): an emptied field is null (a correction removes it). */
export function contactInput(form: FormData) {
  return {
    contactName: field(form, "contactName") || null,
    contactEmail: field(form, "contactEmail") || null,
    contactPhone: field(form, "contactPhone") || null,
  };
}

/**
 * Runs one admin form's mutation and answers it as a FormResult: the portal's own checks first
 * (`errors`), then the API's userErrors beside their fields; a value the API's scalars reject
 * (BAD_USER_INPUT, e.g. an e-mail address) lands beside `badInputField`.
 */
export async function runAdminForm<Intent extends string>(
  intent: Intent,
  form: FormData,
  errors: FormError[],
  call: () => Promise<{ userErrors: UserErrors; subject?: string; record?: RecordPage }>,
  badInputField: string | null = null,
  target?: string,
): Promise<FormResult<Intent>> {
  const values = Object.fromEntries(
    [...form.entries()].filter(([name]) => name !== "password").map(([name, value]) => [name, String(value)]),
  );
  if (errors.length > 0) return { intent, target, ok: false, errors, values };
  try {
    const outcome = await call();
    if (outcome.userErrors.length > 0) {
      const answer = refused(intent, outcome.userErrors, values, target);
      const pages = outcome.record ? ([outcome.record, "admin"] as const) : (["admin"] as const);
      return { ...answer, errors: inPageWords(answer.errors, ...pages) };
    }
    return {
      intent,
      target,
      ok: true,
      errors: [],
      values: {},
      done: `admin.done.${intent}` as MessageKey,
      subject: outcome.subject,
      nonce: randomUUID(),
    };
  } catch (error) {
    if (!isBadRequest(error)) throw error;
    return {
      intent,
      target,
      ok: false,
      errors: [formError(badInputField, "BAD_USER_INPUT", "admin.error.BAD_USER_INPUT" as MessageKey)],
      values,
    };
  }
}

/** "REQUIRED" beside each named field left empty. */
export function required(form: FormData, names: readonly string[]): FormError[] {
  return names
    .filter((name) => !field(form, name))
    .map((name) => formError(name, "REQUIRED", "admin.error.REQUIRED" as MessageKey));
}
