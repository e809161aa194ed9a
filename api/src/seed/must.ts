import type { Result } from "../shared/errors.js";

/** The value of a service result the demo relies on; a seed that breaks a rule stops with the rule's words. */
export function must<T>(r: Result<T>, what: string): T {
  if ("errors" in r)
    throw new Error(`Demo seed failed at ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  return r.ok;
}
