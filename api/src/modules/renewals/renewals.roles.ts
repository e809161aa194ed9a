import type { Role } from "../../shared/viewer.js";
import { AGREEMENT_MANAGERS } from "../agreements/index.js";

/** Ask for a renewal from the portal ("Förnya avtalet"): the customer's admin, for the customer's own agreements. */
export const RENEWAL_REQUESTERS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Confirm or decline a renewal quote: whoever may renew the agreement itself. */
export const RENEWAL_DECIDERS = AGREEMENT_MANAGERS;
