import type { CaseSeverity } from "../support/index.js";
import type { ContactRequestKind } from "./contact.enums.js";

/**
 * How bad a contact-page request is, in the support table's words (decision 0092). A stranger's help request is a
 * question ("Fråga") unless they said the whole system is down: the page asks only that, since "Delvis" is a
 * judgement a person without the system's history cannot make. A sales lead is no case: null, and its receipt keeps
 * the answer time it always promised.
 */
export function helpRequestSeverity(kind: ContactRequestKind, systemDown: boolean): CaseSeverity | null {
  if (kind !== "HELP") return null;
  return systemDown ? "SYSTEM_DOWN" : "QUESTION";
}
