import { HOSTED_SERVICES, LICENCE_KINDS } from "~/lib/enums";
import { randomUUID } from "node:crypto";
import {
  ActivateAgreementDocument,
  CancelAddOnDocument,
  CreateHanteraAccountDocument,
  DeactivateHanteraAccountDocument,
  EndLicenceRentalDocument,
  OrderAddOnDocument,
  RenewAgreementDocument,
  RentLicenceDocument,
  TerminateAgreementDocument,
} from "~/graphql/graphql";
import { formError, formErrors, isBadRequest, type FormError } from "~/lib/form-result";
import { parseKronor } from "~/lib/money";
import { isIsoDate } from "~/lib/dates";
import type { Api } from "~/lib/api.server";

import { intentOf } from "~/lib/intent.server";
import { INTENTS, type Intent, type IntentResult } from "./intents";

/** A mutation's answer as the page needs it: the userErrors, and what to name in the success message. */
interface Outcome {
  userErrors: ReadonlyArray<{ code: string; field?: ReadonlyArray<string> | null; message: string }>;
  subject?: string;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

function requireDate(form: FormData, name: string, errors: FormError[]): string {
  const value = text(form, name);
  if (!isIsoDate(value)) errors.push(formError(name, value ? "INVALID_DATE" : "REQUIRED"));
  return value;
}

/** A rough check before the API's own: the API's EmailAddress scalar has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Runs one form of the agreement page. Values the portal can check (required, dates, amounts) are
 * checked here first; userErrors come back beside the fields; a GraphQL BAD_USER_INPUT (a value the
 * API's scalars reject) becomes a message on the form, not an error page.
 */
export async function runIntent(api: Api, agreementId: string, form: FormData): Promise<IntentResult> {
  const intent: Intent = intentOf(form, INTENTS);
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && name !== "intent") values[name] = value;
  const target = text(form, "targetId") || undefined;
  const errors: FormError[] = [];
  const expectedVersion = Number.parseInt(text(form, "expectedVersion"), 10);
  const version = Number.isSafeInteger(expectedVersion) ? expectedVersion : undefined;

  let call: (() => Promise<Outcome>) | undefined;
  /** The field a BAD_USER_INPUT most likely concerns, for the forms where one field can cause it. */
  let badInputField: string | null = null;

  switch (intent) {
    case "activate":
      call = async () => (await api.mutate(ActivateAgreementDocument, { input: { agreementId, expectedVersion: version } })).activateAgreement;
      break;
    case "renew": {
      const endsOn = requireDate(form, "endsOn", errors);
      const carryOverRentals = form.get("carryOverRentals") === "on";
      call = async () => (await api.mutate(RenewAgreementDocument, { input: { agreementId, endsOn, carryOverRentals, expectedVersion: version } })).renewAgreement;
      break;
    }
    case "terminate": {
      const terminatesOn = requireDate(form, "terminatesOn", errors);
      const reason = text(form, "reason");
      if (!reason) errors.push(formError("reason", "REQUIRED"));
      else if (reason.length > 1000) errors.push(formError("reason", "TOO_LONG"));
      call = async () => (await api.mutate(TerminateAgreementDocument, { input: { agreementId, terminatesOn, reason, expectedVersion: version } })).terminateAgreement;
      break;
    }
    case "createAccount": {
      const name = text(form, "name");
      const email = text(form, "email");
      if (!name) errors.push(formError("name", "REQUIRED"));
      else if (name.length > 200) errors.push(formError("name", "TOO_LONG"));
      if (!email) errors.push(formError("email", "REQUIRED"));
      else if (!EMAIL.test(email)) errors.push(formError("email", "INVALID_EMAIL"));
      badInputField = "email";
      call = async () => {
        const payload = (await api.mutate(CreateHanteraAccountDocument, { input: { agreementId, name, email } })).createHanteraAccount;
        return { userErrors: payload.userErrors, subject: payload.hanteraAccount?.name };
      };
      break;
    }
    case "deactivateAccount":
      call = async () => {
        const payload = (await api.mutate(DeactivateHanteraAccountDocument, { input: { hanteraAccountId: target ?? "" } })).deactivateHanteraAccount;
        return { userErrors: payload.userErrors, subject: payload.hanteraAccount?.name };
      };
      break;
    case "rentLicence": {
      const kind = LICENCE_KINDS.find((k) => k === text(form, "kind"));
      if (!kind) errors.push(formError("kind", "REQUIRED"));
      const quantity = Number(text(form, "quantity"));
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) errors.push(formError("quantity", "INVALID_QUANTITY"));
      const amountMinor = parseKronor(text(form, "monthlyPrice"));
      if (amountMinor === undefined) errors.push(formError("monthlyPrice", text(form, "monthlyPrice") ? "INVALID_AMOUNT" : "REQUIRED"));
      const startsOn = requireDate(form, "startsOn", errors);
      const endsOn = requireDate(form, "endsOn", errors);
      call = async () => {
        const input = { agreementId, kind: kind ?? "BOOKING", quantity, monthlyPrice: { amountMinor: amountMinor ?? 0, currency: "SEK" }, startsOn, endsOn };
        const payload = (await api.mutate(RentLicenceDocument, { input })).rentLicence;
        return { userErrors: payload.userErrors };
      };
      break;
    }
    case "endRental":
      call = async () => (await api.mutate(EndLicenceRentalDocument, { input: { licenceRentalId: target ?? "" } })).endLicenceRental;
      break;
    case "orderHosting": {
      const hostedServices = HOSTED_SERVICES.filter((service) => form.getAll("hostedServices").includes(service));
      if (hostedServices.length === 0) errors.push(formError("hostedServices", "NO_SERVICES"));
      values.hostedServices = hostedServices.join(",");
      call = async () => (await api.mutate(OrderAddOnDocument, { input: { agreementId, kind: "HOSTING", hostedServices } })).orderAddOn;
      break;
    }
    case "orderMonitoring":
      call = async () => (await api.mutate(OrderAddOnDocument, { input: { agreementId, kind: "MONITORING" } })).orderAddOn;
      break;
    case "cancelAddOn":
      call = async () => (await api.mutate(CancelAddOnDocument, { input: { addOnId: target ?? "" } })).cancelAddOn;
      break;
  }

  if (errors.length > 0 || !call) return { intent, target, ok: false, errors, values };
  try {
    const outcome = await call();
    if (outcome.userErrors.length > 0) return { intent, target, ok: false, errors: formErrors(outcome.userErrors), values };
    return { intent, target, ok: true, errors: [], values: {}, done: `agreement.done.${intent}`, subject: outcome.subject, nonce: randomUUID() };
  } catch (error) {
    if (!isBadRequest(error)) throw error;
    const code = badInputField === "email" ? "INVALID_EMAIL" : "BAD_USER_INPUT";
    return { intent, target, ok: false, errors: [formError(badInputField, code)], values };
  }
}
