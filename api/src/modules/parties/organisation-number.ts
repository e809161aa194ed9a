import Organisationsnummer from "organisationsnummer";
import { userError, type UserError } from "../../shared/errors.js";
import { PartyErrors } from "./party.errors.js";

/**
 * A Swedish organisation number in the NNNNNN-NNNN form, or null when it is not one (wrong length,
 * wrong check digit). Sole traders use their personal identity number, which the library accepts too:
 * private landlords are customers.
 */
export function normaliseOrganisationNumber(input: string): string | null {
  const trimmed = input.trim();
  if (!Organisationsnummer.valid(trimmed)) return null;
  return Organisationsnummer.parse(trimmed).format(true);
}

/** The number as stored, or the refusal createOrganisation and updateOrganisation both give. */
export function organisationNumberOf(input: string): string | { errors: UserError[] } {
  return (
    normaliseOrganisationNumber(input) ??
    userError(
      PartyErrors.INVALID_ORGANISATION_NUMBER,
      `"${input}" is not a valid Swedish organisation number (ten digits, NNNNNN-NNNN, with a correct check digit).`,
      ["input", "organisationNumber"],
    )
  );
}
