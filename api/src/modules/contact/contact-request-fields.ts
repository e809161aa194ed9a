import { EmailAddressResolver } from "graphql-scalars";
import { ok, userError, type Result } from "../../shared/errors.js";
import { ContactErrors as E } from "./contact.errors.js";
import type { ContactRequestKind } from "./contact.enums.js";

/**
 * The longest each field of the contact page may be. Anyone may send it, so each text is bounded well under the
 * API's general text limit: a message is a question, not a document (decision 0081).
 */
const CONTACT_FIELD_LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  organisationName: 200,
  organisationNumber: 20,
  message: 4000,
} as const;

export interface ContactRequestFields {
  kind: ContactRequestKind;
  name: string;
  email: string;
  phone?: string | null;
  organisationName?: string | null;
  organisationNumber?: string | null;
  message: string;
  /** A help request's "the whole system is down"; meaningless for a sales lead, which stores false. */
  systemDown?: boolean | null;
}

export type CheckedContactRequest = {
  kind: ContactRequestKind;
  name: string;
  email: string;
  phone: string | null;
  organisationName: string | null;
  organisationNumber: string | null;
  message: string;
  systemDown: boolean;
};

const REQUIRED = ["name", "email", "message"] as const;
const OPTIONAL = ["phone", "organisationName", "organisationNumber"] as const;

/** Trims each field and checks what the page asks: name, e-mail and message given, nothing over its limit. */
export function checkContactRequest(input: ContactRequestFields): Result<CheckedContactRequest> {
  const trimmed = (v: string | null | undefined) => (v ?? "").trim();
  for (const key of [...REQUIRED, ...OPTIONAL]) {
    const value = trimmed(input[key]);
    if (value.length > CONTACT_FIELD_LIMITS[key])
      return userError(E.TOO_LONG, `At most ${CONTACT_FIELD_LIMITS[key]} characters.`, ["input", key]);
  }
  for (const key of REQUIRED) {
    if (!trimmed(input[key])) return userError(E.REQUIRED, "This field is required.", ["input", key]);
  }
  let email: string;
  try {
    email = String(EmailAddressResolver.parseValue(trimmed(input.email))).toLowerCase();
  } catch {
    return userError(E.INVALID_EMAIL, "Give an e-mail address we can answer.", ["input", "email"]);
  }
  const optional = (v: string | null | undefined) => trimmed(v) || null;
  return ok({
    kind: input.kind,
    name: trimmed(input.name),
    email,
    phone: optional(input.phone),
    organisationName: optional(input.organisationName),
    organisationNumber: optional(input.organisationNumber),
    message: trimmed(input.message),
    systemDown: input.kind === "HELP" && input.systemDown === true,
  });
}
