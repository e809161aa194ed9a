import Organisationsnummer from "organisationsnummer";

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
