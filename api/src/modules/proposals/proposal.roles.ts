import type { Role } from "../../shared/viewer.js";

/** Who proposes agreements: a partner's admin, for its own customers (decision 0070). */
export const PROPOSERS = ["PARTNER_ADMIN"] as const satisfies readonly Role[];
/** Who activates or declines a proposal: those who make agreements (AGREEMENT_MANAGERS). */
export const PROPOSAL_DECIDERS = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/** Who is mailed each step: the partner's and the customer's admins, so both "see each step". */
export const PROPOSAL_WATCHERS = ["PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Who reads proposals (each its own, the scope says which): the proposers, the deciders and the customer's admin. */
export const PROPOSAL_READERS = [
  ...PROPOSAL_DECIDERS,
  ...PROPOSERS,
  "CUSTOMER_ADMIN",
] as const satisfies readonly Role[];
