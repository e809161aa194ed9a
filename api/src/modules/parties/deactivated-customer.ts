import { userError } from "../../shared/errors.js";
import { PartyErrors } from "./party.errors.js";

/**
 * A deactivated customer gets nothing new (decision 0085): it left, its users cannot log in, and what it had stays
 * as history. So no one, its partner included, registers a property or opens a support case for it.
 */
export function deactivatedCustomer(customer: { name: string }) {
  return userError(PartyErrors.ORGANISATION_DEACTIVATED, `${customer.name} is deactivated.`, ["input", "customerId"]);
}
