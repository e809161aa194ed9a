import { EmailAddressResolver } from "graphql-scalars";
import { ok, userError, type Result } from "../../shared/errors.js";
import { PartyErrors } from "./party.errors.js";

/** An organisation's contact (decision 0125): each part may be missing. */
export interface OrganisationContact {
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

/** A new organisation's contact before anything is given. */
export const NO_CONTACT: OrganisationContact = { contactName: null, contactEmail: null, contactPhone: null };

/** What a correction sends: a part left out stays as it is; an empty text or null removes it. */
export type OrganisationContactInput = { [K in keyof OrganisationContact]?: string | null };

// A Swedish or international number as people write it: digits with spaces, hyphens, brackets and a leading +.
const PHONE = /^\+?[0-9 ()-]+$/;
const PHONE_DIGITS = { min: 5, max: 15 };

/**
 * The contact after a correction. The address must be one mail can be sent to, and the number one that can be
 * dialled (5 to 15 digits, E.164's most), so a contact kept in Trygg is one that reaches someone.
 */
export function correctedContact(
  current: OrganisationContact,
  input: OrganisationContactInput,
): Result<OrganisationContact> {
  const next = (key: keyof OrganisationContact) => {
    const value = input[key];
    if (value === undefined) return current[key];
    return value?.trim() || null;
  };
  const contactName = next("contactName");
  let contactEmail = next("contactEmail");
  if (contactEmail !== null && input.contactEmail !== undefined) {
    try {
      contactEmail = String(EmailAddressResolver.parseValue(contactEmail)).toLowerCase();
    } catch {
      return userError(PartyErrors.INVALID_EMAIL, "Give an e-mail address mail can be sent to.", [
        "input",
        "contactEmail",
      ]);
    }
  }
  const contactPhone = next("contactPhone");
  if (contactPhone !== null && input.contactPhone !== undefined) {
    const digits = contactPhone.replace(/\D/g, "").length;
    if (!PHONE.test(contactPhone) || digits < PHONE_DIGITS.min || digits > PHONE_DIGITS.max)
      return userError(PartyErrors.INVALID_PHONE, "Give a telephone number of 5 to 15 digits.", [
        "input",
        "contactPhone",
      ]);
  }
  return ok({ contactName, contactEmail, contactPhone });
}

/** The parts that moved, before and after, for the audit: a correction of the name alone names no contact. */
export function movedContact(before: OrganisationContact, after: OrganisationContact) {
  const keys = (Object.keys(after) as (keyof OrganisationContact)[]).filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
