import type { Role } from "../../shared/viewer.js";

/** Who answers a help request from the contact page: the vendor's support (the support queue's staff). */
export const HELP_REQUEST_HANDLERS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/** Who follows up a request to be contacted about an agreement: the sellers (a sales lead). */
export const SALES_LEAD_HANDLERS = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/** The vendor's staff who see contact requests at all; each sees the kinds above that are theirs. */
export const CONTACT_REQUEST_HANDLERS = ["ADMIN", "SELLER", "SUPPORT"] as const satisfies readonly Role[];
/**
 * Who registers the sender's organisation as a new customer from a help request they answer, beside the parties
 * module's registrars (decision 0113): support, whose click it is, so that a help request never waits on a seller.
 */
export const HELP_REQUEST_CUSTOMER_REGISTRARS = ["SUPPORT"] as const satisfies readonly Role[];
