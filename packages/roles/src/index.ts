/**
 * Who may do what, by role, for the rules both sides of Trygg read (decision 0107): the API refuses
 * by these lists, and the portal shows and hides by the very same ones, because a page must know
 * before it asks. A list only the API reads stays in its module's `*.roles.ts`.
 */

/** Every role a user can hold; the database's `role` enum and the GraphQL `Role` are made from it. */
export const ROLES = [
  "ADMIN",
  "SELLER",
  "SUPPORT",
  "PARTNER_ADMIN",
  "PARTNER_STAFF",
  "CUSTOMER_ADMIN",
  "CUSTOMER_MEMBER",
] as const;
export type Role = (typeof ROLES)[number];

export const VENDOR_ROLES = ["ADMIN", "SELLER", "SUPPORT"] as const satisfies readonly Role[];
export const PARTNER_ROLES = ["PARTNER_ADMIN", "PARTNER_STAFF"] as const satisfies readonly Role[];
export const CUSTOMER_ROLES = ["CUSTOMER_ADMIN", "CUSTOMER_MEMBER"] as const satisfies readonly Role[];

// ---- Agreements and tailoring ----

/** Agreements and their sales side: the seller's and the vendor admin's dashboard. */
export const AGREEMENT_MANAGERS = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/** The vendor's sellers, the ones an agreement can name as its seller. */
export const SELLERS = ["SELLER"] as const satisfies readonly Role[];
/** The vendor's side of a tailoring: start it, record the steps, draw up the plan. */
export const VENDOR_SIDE = ["ADMIN", "SELLER"] as const satisfies readonly Role[];
/** The customer's side of a tailoring: who confirms the order of the plan. */
export const PRIORITY_CONFIRMERS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];

// ---- Support ----

/** The vendor's support: its dashboard and the case's assignable colleagues. */
export const VENDOR_CASE_HANDLERS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/** The installer's people who answer the cases routed to it. */
export const PARTNER_CASE_HANDLERS = ["PARTNER_ADMIN", "PARTNER_STAFF"] as const satisfies readonly Role[];
/** Everyone who answers cases, the vendor's and the installers'. */
export const CASE_HANDLERS = [...VENDOR_CASE_HANDLERS, ...PARTNER_CASE_HANDLERS] as const satisfies readonly Role[];

// ---- Visits ----

/** Book and move a visit. */
export const VISIT_BOOKERS = ["ADMIN", "SELLER", "SUPPORT"] as const satisfies readonly Role[];
/**
 * The vendor's technicians: record the checks, complete, correct and have the protocol signed; the one booked holds one
 * of these.
 */
export const TECHNICIANS = ["ADMIN", "SUPPORT"] as const satisfies readonly Role[];
/** E-mail the protocol to the customer and the partner. */
export const PROTOCOL_SENDERS = ["ADMIN", "SUPPORT", "SELLER"] as const satisfies readonly Role[];
/** Accept a proposed visit time, or ask for others: the customer's admins (in the portal or by the mail's link). */
export const VISIT_TIME_ANSWERERS = ["CUSTOMER_ADMIN"] as const satisfies readonly Role[];

// ---- Accounts and organisations ----

/** Hand their own organisation over to a new board (a BRF's, or a partner's own staff). */
export const HANDOVER_STARTERS = ["PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Recover a board that lost its admins, with a reason in the audit trail. */
export const BOARD_RECOVERERS = ["ADMIN"] as const satisfies readonly Role[];
/** Invite and manage the users of every organisation, not only their own. */
export const USER_CREATORS_ANYWHERE = ["ADMIN"] as const satisfies readonly Role[];
/**
 * Download another user's personal data (decision 0086): vendor admins anyone's, a partner's or customer's admin their
 * own organisation's users — the admins who manage those users. Everyone may download their own.
 */
export const PERSONAL_DATA_KEEPERS = ["ADMIN", "PARTNER_ADMIN", "CUSTOMER_ADMIN"] as const satisfies readonly Role[];
/** Deactivate an organisation: its users and tokens stop, its agreements end or move. */
export const ORGANISATION_DEACTIVATORS = ["ADMIN"] as const satisfies readonly Role[];
/** Bring a deactivated organisation back. */
export const ORGANISATION_REACTIVATORS = ["ADMIN"] as const satisfies readonly Role[];

/** The role a new customer user gets when the form names none: the least a customer's user can have. */
export const LEAST_CUSTOMER_ROLE: Role = "CUSTOMER_MEMBER";

/** Whether `role` is one of `roles`; a missing viewer is in none. */
export const isOneOf = (role: Role | null | undefined, roles: readonly Role[]): boolean =>
  role != null && roles.includes(role);
