import { randomUUID } from "node:crypto";
import { CancelMaintenanceWindowDocument, ScheduleMaintenanceWindowDocument } from "~/graphql/graphql";
import type { Api } from "~/lib/api.server";
import { swedishWallClockToInstant } from "~/lib/dates";
import { formError, formErrors, refused, type FormError, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";
import { MAINTENANCE_INTENTS, type MaintenanceIntent } from "./maintenance-section";

type Result = FormResult<MaintenanceIntent>;

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** The API speaks seconds, the form minutes; the shared words for INVALID_SCHEDULE are about checks. */
const inFormWords = (errors: FormError[]): FormError[] =>
  errors.map((e) => {
    if (e.field === "durationSeconds") return { ...e, field: "durationMinutes" };
    if (e.code === "INVALID_SCHEDULE") return { ...e, key: "maintenance.invalidSchedule" };
    return e;
  });

/** Plans or ends a maintenance window; the API holds every rule, the form only reads Swedish times. */
export async function runMaintenanceIntent(api: Api, form: FormData): Promise<Result> {
  const intent = intentOf(form, MAINTENANCE_INTENTS);
  if (intent === "endMaintenance") {
    const target = text(form, "targetId");
    const { cancelMaintenanceWindow: r } = await api.mutate(CancelMaintenanceWindowDocument, {
      input: { maintenanceWindowId: target },
    });
    if (!r.maintenanceWindow) return refused(intent, r.userErrors, {}, target);
    return { intent, target, ok: true, errors: [], values: {}, done: "maintenance.endedNotice", nonce: randomUUID() };
  }
  const values = Object.fromEntries(
    ["kind", "checkId", "startsAt", "endsAt", "cronExpression", "durationMinutes", "reason"].map((k) => [
      k,
      text(form, k),
    ]),
  ) as Record<string, string>;
  const errors: FormError[] = [];
  const instant = (name: "startsAt" | "endsAt") => {
    if (!values[name]) return null;
    const at = swedishWallClockToInstant(values[name]!);
    if (!at) errors.push(formError(name, "INVALID_INPUT"));
    return at;
  };
  const startsAt = instant("startsAt");
  const endsAt = instant("endsAt");
  const recurring = values.kind === "RECURRING";
  const minutes = Number(values.durationMinutes);
  if (recurring && !Number.isInteger(minutes)) errors.push(formError("durationMinutes", "INVALID_DURATION"));
  if (errors.length > 0) return { intent, ok: false, errors, values };
  const { scheduleMaintenanceWindow: r } = await api.mutate(ScheduleMaintenanceWindowDocument, {
    input: {
      propertyId: values.checkId ? null : text(form, "propertyId"),
      checkId: values.checkId || null,
      startsAt: startsAt?.toISOString() ?? null,
      endsAt: endsAt?.toISOString() ?? null,
      cronExpression: recurring ? values.cronExpression || "" : null,
      durationSeconds: recurring ? minutes * 60 : null,
      reason: values.reason ?? "",
    },
  });
  if (!r.maintenanceWindow) return { intent, ok: false, errors: inFormWords(formErrors(r.userErrors)), values };
  return { intent, ok: true, errors: [], values: {}, done: "maintenance.plannedNotice", nonce: randomUUID() };
}
