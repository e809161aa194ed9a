import { randomUUID } from "node:crypto";
import {
  CancelVisitFromPageDocument,
  ProposeNewVisitTimesFromPageDocument,
  RescheduleVisitFromPageDocument,
} from "~/graphql/graphql";
import type { apiFor } from "~/lib/api.server";
import { swedishWallClockToInstant } from "~/lib/dates";
import { formError, inPageWords, refused, type FormResult } from "~/lib/form-result";
import type { BookingIntent } from "./booking-intents";

type Api = Awaited<ReturnType<typeof apiFor>>["api"];

/**
 * Staff move or cancel a booked visit from its page; the API mails the customer's admins and the
 * technician the calendar update (same UID, next SEQUENCE) or cancellation (METHOD:CANCEL).
 */
export async function runBookingIntent(
  api: Api,
  visitId: string,
  intent: BookingIntent,
  form: FormData,
): Promise<FormResult<BookingIntent>> {
  const values = { scheduledAt: String(form.get("scheduledAt") ?? ""), reason: String(form.get("reason") ?? "") };
  const fail = (result: FormResult<BookingIntent>) => ({ ...result, errors: inPageWords(result.errors, "visit") });
  // The version the page was read at; a form without one is as stale as an old page (-1 matches no version).
  const read = Number(form.get("expectedVersion"));
  const expectedVersion = form.get("expectedVersion") !== null && Number.isInteger(read) ? read : -1;
  if (intent === "move") {
    const at = swedishWallClockToInstant(values.scheduledAt.trim());
    if (!at)
      return { intent, ok: false, errors: [formError("scheduledAt", "INVALID_DATE", "visitBooking.badTime")], values };
    const { rescheduleServiceVisit: r } = await api.mutate(RescheduleVisitFromPageDocument, {
      input: { visitId, scheduledAt: at.toISOString(), reason: values.reason.trim() || null, expectedVersion },
    });
    if (r.userErrors.length > 0) return fail(refused(intent, r.userErrors, values));
    return { intent, ok: true, errors: [], values: {}, done: "visitBooking.moved", nonce: randomUUID() };
  }
  if (intent === "propose") return proposeNewTimes(api, visitId, form, expectedVersion);
  if (!values.reason.trim())
    return { intent, ok: false, errors: [formError("reason", "REQUIRED", "visitBooking.reasonRequired")], values };
  const { cancelServiceVisit: r } = await api.mutate(CancelVisitFromPageDocument, {
    input: { visitId, reason: values.reason.trim(), expectedVersion },
  });
  if (r.userErrors.length > 0) return fail(refused(intent, r.userErrors, values));
  return { intent, ok: true, errors: [], values: {}, done: "visitBooking.cancelled", nonce: randomUUID() };
}

const TIME_FIELDS = ["time1", "time2", "time3"] as const;

/** "Föreslå nya tider": one to three times for the booked visit; the booking stands until the customer picks one. */
async function proposeNewTimes(
  api: Api,
  visitId: string,
  form: FormData,
  expectedVersion: number,
): Promise<FormResult<BookingIntent>> {
  const intent = "propose";
  const values: Record<string, string> = { note: String(form.get("note") ?? "") };
  for (const name of TIME_FIELDS) values[name] = String(form.get(name) ?? "").trim();
  const times: string[] = [];
  for (const name of TIME_FIELDS) {
    if (!values[name]) continue;
    const at = swedishWallClockToInstant(values[name]);
    if (!at) return { intent, ok: false, errors: [formError(name, "INVALID_DATE", "visitBooking.badTime")], values };
    times.push(at.toISOString());
  }
  if (times.length === 0)
    return { intent, ok: false, errors: [formError("time1", "REQUIRED", "visitBooking.timeRequired")], values };
  const { proposeNewVisitTimes: r } = await api.mutate(ProposeNewVisitTimesFromPageDocument, {
    input: { visitId, times, note: values.note!.trim() || null, expectedVersion },
  });
  if (r.userErrors.length > 0) {
    // A refused time is named as the list (`times`), so the form shows it above its fields.
    const result = refused(intent, r.userErrors, values);
    return { ...result, errors: inPageWords(result.errors, "visit") };
  }
  return { intent, ok: true, errors: [], values: {}, done: "visitBooking.proposed", nonce: randomUUID() };
}
