import type { DbOrTx } from "../../db/client.js";
import { userError, type UserError } from "../../shared/errors.js";
import { isReadableName } from "../../shared/text-rule.js";
import type { Viewer } from "../../shared/viewer.js";
import { PartyErrors } from "./party.errors.js";
import { findOrganisation } from "./organisation-lookup.js";

type Refusal = { errors: UserError[] };

/**
 * The rules of a property's own fields, one place for registering and correcting a property, so both refuse the same
 * input with the same codes.
 */
export function postalCodeOf(input: string): string | Refusal {
  const postal = input.replace(/\s/g, "");
  if (!/^[1-9]\d{4}$/.test(postal)) {
    return userError(
      PartyErrors.INVALID_POSTAL_CODE,
      `"${input}" is not a Swedish postal code (five digits, e.g. 412 63).`,
      ["input", "postalCode"],
    );
  }
  return `${postal.slice(0, 3)} ${postal.slice(3)}`;
}

export function apartmentsProblem(apartments: number): Refusal | null {
  if (apartments < 0 || !Number.isInteger(apartments)) {
    return userError("INVALID_INPUT", "The number of apartments must be a whole number, zero or more.", [
      "input",
      "apartments",
    ]);
  }
  return null;
}

export function textProblem(key: "name" | "streetAddress" | "city", value: string): Refusal | null {
  if (!isReadableName(value))
    return userError("INVALID_INPUT", `The ${key} must contain at least one letter or digit.`, ["input", key]);
  return null;
}

/** The installer must be a partner the caller can see; another tenant's answers like a missing one. */
export async function installerOf(db: DbOrTx, viewer: Viewer, installerId: string): Promise<string | Refusal> {
  const installer = await findOrganisation(db, viewer, installerId);
  if (!installer) return userError(PartyErrors.NOT_FOUND, "No such installer.", ["input", "installerId"]);
  if (installer.kind !== "PARTNER") {
    return userError(PartyErrors.NOT_A_PARTNER, `${installer.name} is not a partner; only partners install systems.`, [
      "input",
      "installerId",
    ]);
  }
  return installer.id;
}
