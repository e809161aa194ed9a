import { randomUUID } from "node:crypto";
import { HOSTING_INTENTS } from "~/components/hosting-section";
import { RecordHostedServiceUpdateDocument, RecordRestoreTestDocument, type HostedService } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { swedishWallClockToInstant } from "~/lib/dates";
import { formError, formErrors, isBadRequest, type FormError, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";

type HostingIntent = (typeof HOSTING_INTENTS)[number];

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** A datetime-local value read as Swedish time, or an error beside its field. */
function moment(form: FormData, name: string, errors: FormError[]): string {
  const iso = swedishWallClockToInstant(text(form, name))?.toISOString() ?? null;
  if (!iso) errors.push(formError(name, text(form, name) ? "INVALID_DATE" : "REQUIRED"));
  return iso ?? "";
}

/** Runs the hosting section's forms (hosting-section.tsx) for one customer; the API has the last word. */
export async function runHostingIntent(
  api: Api,
  customerId: string,
  form: FormData,
): Promise<FormResult<HostingIntent>> {
  const intent = intentOf(form, HOSTING_INTENTS);
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && name !== "intent") values[name] = value;
  const errors: FormError[] = [];
  const note = text(form, "note") || null;
  if (note && note.length > 2000) errors.push(formError("note", "TOO_LONG"));
  let call: () => Promise<{ userErrors: Parameters<typeof formErrors>[0] }>;
  if (intent === "recordHostedServiceUpdate") {
    const updatedAt = moment(form, "updatedAt", errors);
    for (const field of ["versionBefore", "versionAfter"])
      if (!text(form, field)) errors.push(formError(field, "REQUIRED"));
    const input = {
      customerId,
      service: text(form, "service") as HostedService,
      versionBefore: text(form, "versionBefore"),
      versionAfter: text(form, "versionAfter"),
      updatedAt,
      note,
    };
    call = async () => (await api.mutate(RecordHostedServiceUpdateDocument, { input })).recordHostedServiceUpdate;
  } else {
    const testedAt = moment(form, "testedAt", errors);
    const backupTakenAt = moment(form, "backupTakenAt", errors);
    const result = text(form, "result") === "FAILED" ? "FAILED" : "OK";
    const input = { customerId, testedAt, backupTakenAt, result, note } as const;
    call = async () => (await api.mutate(RecordRestoreTestDocument, { input })).recordRestoreTest;
  }
  if (errors.length > 0) return { intent, ok: false, errors, values };
  try {
    const outcome = await call();
    if (outcome.userErrors.length > 0) return { intent, ok: false, errors: formErrors(outcome.userErrors), values };
    return { intent, ok: true, errors: [], values: {}, done: `hosting.done.${intent}`, nonce: randomUUID() };
  } catch (error) {
    if (!isBadRequest(error)) throw error;
    return { intent, ok: false, errors: [formError(null, "BAD_USER_INPUT")], values };
  }
}
