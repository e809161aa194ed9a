import type { Role } from "../../shared/viewer.js";

/**
 * Who may deactivate an organisation (decision 0085): vendor admins only. It ends every login of a tenant and
 * terminates or moves its agreements, which no seller or tenant admin decides alone.
 */
export const ORGANISATION_DEACTIVATORS = ["ADMIN"] as const satisfies readonly Role[];

/** Who may bring a deactivated organisation back (decision 0091): the same vendor admins who may deactivate one. */
export const ORGANISATION_REACTIVATORS = ["ADMIN"] as const satisfies readonly Role[];
