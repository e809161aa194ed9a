import { randomUUID } from "node:crypto";
import {
  ActivateAgreementDocument,
  CancelAddOnDocument,
  ConfirmRenewalQuoteDocument,
  DeclineRenewalQuoteDocument,
  CreateHanteraAccountDocument,
  DeactivateHanteraAccountDocument,
  EndLicenceRentalDocument,
  OrderAddOnDocument,
  RefuseAutoRenewalDocument,
  WithdrawAutoRenewalRefusalDocument,
  RenewAgreementDocument,
  SetAutoRenewalDocument,
  RequestRenewalDocument,
  RentLicenceDocument,
  TerminateAgreementDocument,
} from "~/graphql/graphql";
import { formError, formErrors, inPageWords, isBadRequest, type FormError } from "~/lib/form-result";
import type { Api } from "~/lib/api.server";

import { intentOf } from "~/lib/intent.server";
import { runCoverage } from "./coverage-form.server";
import { INTENTS, isCoverageIntent, type Intent, type IntentResult } from "./intents";
import {
  agreedPrice,
  hostedServices,
  isQuoteIntent,
  rentalOrder,
  requireDate,
  runQuote,
  text,
} from "./order-form.server";

/** A mutation's answer as the page needs it: the userErrors, and what to name in the success message. */
interface Outcome {
  userErrors: ReadonlyArray<{ code: string; field?: ReadonlyArray<string> | null; message: string }>;
  subject?: string;
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
  if (isQuoteIntent(intent)) return runQuote(api, agreementId, intent, form);
  if (isCoverageIntent(intent)) return runCoverage(api, agreementId, intent, form);
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
      call = async () =>
        (await api.mutate(ActivateAgreementDocument, { input: { agreementId, expectedVersion: version } }))
          .activateAgreement;
      break;
    case "renew": {
      const endsOn = requireDate(form, "endsOn", errors);
      const carryOverRentals = form.get("carryOverRentals") === "on";
      call = async () =>
        (
          await api.mutate(RenewAgreementDocument, {
            input: { agreementId, endsOn, carryOverRentals, expectedVersion: version },
          })
        ).renewAgreement;
      break;
    }
    case "terminate": {
      const terminatesOn = requireDate(form, "terminatesOn", errors);
      const reason = text(form, "reason");
      if (!reason) errors.push(formError("reason", "REQUIRED"));
      else if (reason.length > 1000) errors.push(formError("reason", "TOO_LONG"));
      call = async () =>
        (
          await api.mutate(TerminateAgreementDocument, {
            input: { agreementId, terminatesOn, reason, expectedVersion: version },
          })
        ).terminateAgreement;
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
        const payload = (await api.mutate(CreateHanteraAccountDocument, { input: { agreementId, name, email } }))
          .createHanteraAccount;
        return { userErrors: payload.userErrors, subject: payload.hanteraAccount?.name };
      };
      break;
    }
    case "deactivateAccount":
      call = async () => {
        const payload = (
          await api.mutate(DeactivateHanteraAccountDocument, { input: { hanteraAccountId: target ?? "" } })
        ).deactivateHanteraAccount;
        return { userErrors: payload.userErrors, subject: payload.hanteraAccount?.name };
      };
      break;
    case "rentLicence": {
      const order = rentalOrder(form, errors);
      const price = agreedPrice(form, errors);
      call = async () =>
        (await api.mutate(RentLicenceDocument, { input: { agreementId, ...order, ...price } })).rentLicence;
      break;
    }
    case "endRental":
      call = async () =>
        (await api.mutate(EndLicenceRentalDocument, { input: { licenceRentalId: target ?? "" } })).endLicenceRental;
      break;
    case "orderHosting": {
      const services = hostedServices(form, errors);
      const price = agreedPrice(form, errors);
      values.hostedServices = services.join(",");
      call = async () =>
        (
          await api.mutate(OrderAddOnDocument, {
            input: { agreementId, kind: "HOSTING", hostedServices: services, ...price },
          })
        ).orderAddOn;
      break;
    }
    case "orderMonitoring": {
      const price = agreedPrice(form, errors);
      call = async () =>
        (await api.mutate(OrderAddOnDocument, { input: { agreementId, kind: "MONITORING", ...price } })).orderAddOn;
      break;
    }
    case "cancelAddOn":
      call = async () => (await api.mutate(CancelAddOnDocument, { input: { addOnId: target ?? "" } })).cancelAddOn;
      break;
    case "requestRenewal": {
      // The parts ticked to carry; an unticked one ends with the current period.
      const rentalIds = form.getAll("rentalIds").map(String);
      const addOnIds = form.getAll("addOnIds").map(String);
      call = async () =>
        (await api.mutate(RequestRenewalDocument, { input: { agreementId, rentalIds, addOnIds } })).requestRenewal;
      break;
    }
    case "confirmRenewal":
      call = async () =>
        (await api.mutate(ConfirmRenewalQuoteDocument, { input: { quoteId: target ?? "" } })).confirmRenewalQuote;
      break;
    case "declineRenewal": {
      const reason = text(form, "reason");
      if (!reason) errors.push(formError("reason", "REQUIRED"));
      else if (reason.length > 500) errors.push(formError("reason", "TOO_LONG"));
      call = async () =>
        (await api.mutate(DeclineRenewalQuoteDocument, { input: { quoteId: target ?? "", reason } }))
          .declineRenewalQuote;
      break;
    }
    case "setAutoRenewal": {
      // "0" turns it off; the API checks 1–24 and whether the notice would already have closed.
      const months = Number.parseInt(text(form, "noticeMonths"), 10);
      if (!Number.isSafeInteger(months) || months < 0 || months > 24)
        errors.push(formError("noticeMonths", "REQUIRED"));
      call = async () =>
        (await api.mutate(SetAutoRenewalDocument, { input: { agreementId, noticeMonths: months || null } }))
          .setAutoRenewal;
      break;
    }
    case "refuseAutoRenewal": {
      const reason = text(form, "reason");
      if (reason.length > 500) errors.push(formError("reason", "TOO_LONG"));
      call = async () =>
        (await api.mutate(RefuseAutoRenewalDocument, { input: { agreementId, reason: reason || null } }))
          .refuseAutoRenewal;
      break;
    }
    case "withdrawAutoRenewalRefusal":
      call = async () =>
        (await api.mutate(WithdrawAutoRenewalRefusalDocument, { input: { agreementId } })).withdrawAutoRenewalRefusal;
      break;
  }

  if (errors.length > 0 || !call) return { intent, target, ok: false, errors, values };
  try {
    const outcome = await call();
    if (outcome.userErrors.length > 0)
      return { intent, target, ok: false, errors: inPageWords(formErrors(outcome.userErrors), "agreement"), values };
    return {
      intent,
      target,
      ok: true,
      errors: [],
      values: {},
      done: `agreement.done.${intent}`,
      subject: outcome.subject,
      nonce: randomUUID(),
    };
  } catch (error) {
    if (!isBadRequest(error)) throw error;
    const code = badInputField === "email" ? "INVALID_EMAIL" : "BAD_USER_INPUT";
    return { intent, target, ok: false, errors: [formError(badInputField, code)], values };
  }
}
