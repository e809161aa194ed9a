import type { Role } from "../../shared/viewer.js";

/** Read by the portal too, so they live in @trygg/roles (decision 0107). */
export { USER_CREATORS_ANYWHERE } from "@trygg/roles";

/** Who may register organisations (sellers: customers only, see party.service.ts). */
export const ORGANISATION_REGISTRARS = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/**
 * Partners who sign up a customer of their own and its properties (decision 0082): the customer is then theirs, and
 * they register properties for no other.
 */
export const PARTNER_CUSTOMER_REGISTRARS = ["PARTNER_ADMIN"] as const satisfies readonly Role[];
/**
 * Partners who administer the customers they registered: its users, invitations and record (decision 0104), not
 * those of customers they only serve.
 */
export const REGISTERED_CUSTOMER_ADMINISTRATORS = ["PARTNER_ADMIN"] as const satisfies readonly Role[];
/** Who may call `createOrganisation` at all: the vendor's registrars and partners, each with their own reach. */
export const ORGANISATION_REGISTERING_CALLERS = [
  ...ORGANISATION_REGISTRARS,
  ...PARTNER_CUSTOMER_REGISTRARS,
] as const satisfies readonly Role[];
/** Who may register an organisation of any kind; the other registrars sign up customers. */
export const REGISTRARS_OF_ANY_KIND = ["ADMIN"] as const satisfies readonly Role[];
/** Who may create users (outside the vendor: in their own organisation only). */
export const USER_CREATORS = ["ADMIN", "PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/**
 * Sellers sign up a new customer and its people themselves (issue 22, decision 0112): they invite the users of a
 * customer organisation, with a customer's roles, but not the vendor's staff nor a partner's people, and they manage
 * (list, resend, revoke) only those invitations. Deactivating and re-roling users stays with the admins.
 */
export const CUSTOMER_USER_INVITERS = ["SELLER"] as const satisfies readonly Role[];
/** Who may call the invitation mutations at all, each within their own reach. */
export const INVITERS = [...USER_CREATORS, ...CUSTOMER_USER_INVITERS] as const satisfies readonly Role[];
/** The roles that manage an organisation's users: one of them must stay active in each. */
export const ORGANISATION_ADMINS = ["ADMIN", "PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Who may register properties (customer admins: their own only). */
export const PROPERTY_REGISTRARS = ["ADMIN", "SELLER", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Who may call `createProperty` at all: the registrars above and partners, for the customers they registered. */
export const PROPERTY_REGISTERING_CALLERS = [
  ...PROPERTY_REGISTRARS,
  ...PARTNER_CUSTOMER_REGISTRARS,
] as const satisfies readonly Role[];
/** Who may register a property for any customer; the other registrars for their own organisation. */
export const PROPERTY_REGISTRARS_FOR_ANY_CUSTOMER = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/**
 * Who may correct an organisation's record: vendor admins any, sellers the customers (whom they register), a
 * partner's or customer's admin its own organisation. Staff and members only read.
 */
export const ORGANISATION_EDITORS = [
  "ADMIN",
  "SELLER",
  "PARTNER_ADMIN",
  "CUSTOMER_ADMIN",
] as const satisfies readonly Role[];
/*
 * Who may correct a property is PROPERTY_REGISTRARS, with the same reach (customer admins their own): a partner
 * registers none, so it corrects none; it reports a wrong record through a support case.
 */
