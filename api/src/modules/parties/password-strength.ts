import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable" against an offline attack with a slow hash. */
const MIN_SCORE = 3;

// Built once: the dictionaries are large, and the estimator keeps no state between checks.
let estimator: ZxcvbnFactory | undefined;
function zxcvbn() {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

export type PasswordProblem = {
  code: "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_TOO_WEAK";
  message: string;
};

/**
 * A new password is 12 to 200 characters and not easy to guess: zxcvbn scores it against common
 * passwords, names, keyboard patterns and repeats, and against the person's own e-mail and name.
 */
export function passwordProblem(password: string, person: { email: string; name: string }): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { code: "PASSWORD_TOO_SHORT", message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters.` };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { code: "PASSWORD_TOO_LONG", message: `The password may be at most ${PASSWORD_MAX_LENGTH} characters.` };
  const local = person.email.split("@")[0] ?? "";
  const result = zxcvbn().check(
    password,
    [person.email, local, person.name, ...person.name.split(/\s+/)].filter(Boolean),
  );
  if (result.score >= MIN_SCORE && password.trim() !== "" && password.toLowerCase() !== person.email.toLowerCase())
    return null;
  return {
    code: "PASSWORD_TOO_WEAK",
    message:
      "The password is too easy to guess: use a few unusual words or a longer phrase, not repeats, keyboard patterns or your own name or e-mail.",
  };
}
