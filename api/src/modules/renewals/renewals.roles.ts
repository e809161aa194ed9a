import type { Role } from "../../shared/viewer.js";
import { AGREEMENT_MANAGERS } from "../agreements/index.js";

/** Ask for a renewal from the portal ("Förnya avtalet"): the customer's admin, for the customer's own agreements. */
export const RENEWAL_REQUESTERS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Confirm or decline a renewal quote: whoever may renew the agreement itself. */
export const RENEWAL_DECIDERS = AGREEMENT_MANAGERS;
/** Turn automatic renewal on or off and set its notice: the seller and the vendor's admins. */
export const AUTO_RENEWAL_SETTERS = AGREEMENT_MANAGERS;
/** Say no to an automatic renewal ("säg upp") before its notice closes: the vendor or the customer's admin. */
export const AUTO_RENEWAL_REFUSERS = [...AGREEMENT_MANAGERS, "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
