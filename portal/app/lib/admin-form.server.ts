import { randomUUID } from "node:crypto";
import sv from "~/i18n/sv.json";
import type { MessageKey } from "~/i18n/i18n";
import { formError, formErrors, isBadRequest, type FormError, type FormResult } from "~/lib/form-result";

type UserErrors = ReadonlyArray<{ code: string; field?: ReadonlyArray<string> | null; message: string }>;

/** The admin pages' own words for the API's codes, where they say more than the shared ones. */
function withAdminWords(errors: FormError[]): FormError[] {
  return errors.map((error) => {
    const key = `admin.error.${error.code}`;
    return key in sv ? { ...error, key: key as MessageKey } : error;
  });
}

/** The trimmed text of one field. */
export function field(form: FormData, name: string): string {
  return String(form.get(name) ?? "").trim();
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
  call: () => Promise<{ userErrors: UserErrors; subject?: string }>,
  badInputField: string | null = null,
  target?: string,
): Promise<FormResult<Intent>> {
  const values = Object.fromEntries([...form.entries()].filter(([name]) => name !== "password").map(([name, value]) => [name, String(value)]));
  if (errors.length > 0) return { intent, target, ok: false, errors, values };
  try {
    const outcome = await call();
    if (outcome.userErrors.length > 0) {
      const conflict = outcome.userErrors.some((error) => error.code === "STALE_VERSION");
      return { intent, target, ok: false, errors: withAdminWords(formErrors(outcome.userErrors)), values, conflict };
    }
    return { intent, target, ok: true, errors: [], values: {}, done: `admin.done.${intent}` as MessageKey, subject: outcome.subject, nonce: randomUUID() };
  } catch (error) {
    if (!isBadRequest(error)) throw error;
    return { intent, target, ok: false, errors: [formError(badInputField, "BAD_USER_INPUT", "admin.error.BAD_USER_INPUT" as MessageKey)], values };
  }
}

/** "REQUIRED" beside each named field left empty. */
export function required(form: FormData, names: readonly string[]): FormError[] {
  return names.filter((name) => !field(form, name)).map((name) => formError(name, "REQUIRED", "admin.error.REQUIRED" as MessageKey));
}
