import type { VisitCheckKind } from "~/graphql/graphql";
import { formError, type FormError } from "~/lib/form-result";

/**
 * The protocol form's inputs: a result, a note and (for the size check) a reading per check; the signer and the pad.
 */
export const resultField = (kind: string) => `result-${kind}`;
export const sizeField = (kind: string) => `size-${kind}`;
export const noteField = (kind: string) => `note-${kind}`;
/** Set when the check's inputs started from monitoring's proposal, so the API can record whether it was kept. */
export const proposalField = (kind: string) => `proposal-${kind}`;

export function protocolFields(kinds: readonly string[]): string[] {
  return [
    ...kinds.flatMap((kind) => [resultField(kind), sizeField(kind), noteField(kind)]),
    "signedByName",
    "signature",
  ];
}

/**
 * A reading as typed on a tablet ("1 830,5"): a number of MB, zero or more; null when left empty, NaN when it is not
 * one.
 */
export function readingOf(typed: string): number | null {
  const text = typed.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!text) return null;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The completion's refusal beside what to change: VISIT_INCOMPLETE names the missing checks
 * (["checks", KIND, …]), each of which then says so under its own heading; a signature's error sits by
 * the signer's name or the pad.
 */
export function completionErrors(errors: readonly FormError[]): FormError[] {
  return errors.flatMap((error) => {
    if (error.field === "checks")
      return [
        error,
        ...(error.rest ?? []).map((kind) => formError(resultField(kind), error.code, "visitForm.error.resultMissing")),
      ];
    if (error.field === "signature")
      return [{ ...error, field: error.rest?.[0] === "signedByName" ? "signedByName" : "signature" }];
    if (error.field === "databaseSizeMb")
      return [formError(sizeField("DATABASE_SIZE"), error.code, "visitForm.error.size")];
    return [error];
  });
}

/**
 * The batch save's refusal beside the check it concerns: the API names the i-th check it was sent
 * (["checks", i, field]), the form names it by kind. Errors of the whole save (a stale version) stay above the form.
 */
export function batchErrors(sent: readonly VisitCheckKind[], errors: readonly FormError[]): FormError[] {
  return errors.map((error) => {
    if (error.code === "STALE_VERSION") return { ...error, key: "visitForm.error.STALE_VERSION" };
    const kind = error.field === "checks" ? sent[Number(error.rest?.[0])] : undefined;
    if (!kind) return error;
    const field = error.rest?.[1];
    if (field === "databaseSizeMb") return formError(sizeField(kind), error.code, "visitForm.error.size");
    if (field === "note") return formError(noteField(kind), error.code);
    return formError(resultField(kind), error.code);
  });
}

/** The version the form was read at, as sent back with a save; null when absent or not a number. */
export function versionOf(typed: string): number | null {
  return /^\d+$/.test(typed) ? Number(typed) : null;
}
