import { CUSTOMER_ROLES, holds, PARTNER_ROLES, VENDOR_ROLES, type Role, type Viewer } from "../../shared/viewer.js";
import { AGREEMENT_MANAGERS } from "../agreements/index.js";
import { AUDITORS } from "../audit/index.js";
import { BOARD_VIEWERS, CHECK_VIEWERS } from "../monitoring/index.js";
import { OUTBOX_KEEPERS } from "../notifications/index.js";
import { ORGANISATION_REGISTRARS, REGISTRARS_OF_ANY_KIND, USER_CREATORS } from "../parties/index.js";
import { PRICE_LIST_KEEPERS, PRICE_NEGOTIATORS } from "../pricing/index.js";
import { PROPOSAL_DECIDERS, PROPOSAL_READERS, PROPOSERS } from "../proposals/index.js";
import { CONTACT_REQUEST_HANDLERS } from "../contact/index.js";
import { CALENDAR_KEEPERS, CASE_HANDLERS, CASE_OPENERS, VENDOR_CASE_HANDLERS } from "../support/index.js";
import { PARTNER_PROGRESS_REPORTERS, PRIORITY_CONFIRMERS, VENDOR_SIDE } from "../tailoring/index.js";
import { PUBLISHERS } from "../releases/index.js";
import { VISIT_BOOKERS } from "../visits/index.js";
import { WEBHOOK_MANAGERS } from "../webhooks/index.js";
import { LOCKOUT_KEEPERS, TOKEN_MANAGERS } from "./access.roles.js";

/**
 * The parts of Trygg a viewer works in, and who may use each: the portal builds its menu from
 * `Viewer.sections` instead of keeping its own role lists. Each list is the one behind the API
 * operations the section uses, so the menu never offers what the API refuses.
 */
const SECTION_ROLES = {
  DASHBOARD: [...VENDOR_ROLES, ...PARTNER_ROLES, ...CUSTOMER_ROLES],
  AGREEMENTS: [...VENDOR_ROLES, ...PARTNER_ROLES, ...CUSTOMER_ROLES],
  // Customers see only their own organisation, which the dashboard shows; a list is for those who serve many.
  ORGANISATIONS: [...VENDOR_ROLES, ...PARTNER_ROLES],
  PROPERTIES: [...VENDOR_ROLES, ...PARTNER_ROLES, ...CUSTOMER_ROLES],
  API_TOKENS: TOKEN_MANAGERS,
  // A partner's agreement proposals: the partner admin makes them, the seller decides, the customer's admin follows.
  PROPOSALS: PROPOSAL_READERS,
  PROPOSING: PROPOSERS,
  PROPOSAL_DECIDING: PROPOSAL_DECIDERS,
  WEBHOOKS: WEBHOOK_MANAGERS,
  VISIT_BOOKING: VISIT_BOOKERS,
  // Tailorings waiting on the vendor; a customer admin's, waiting on the customer (decision 0031: a
  // member cannot act on them); a partner's own action items and outdated installations.
  WORKLIST: [...VENDOR_SIDE, ...PRIORITY_CONFIRMERS, ...PARTNER_PROGRESS_REPORTERS],
  // The visit calendar answers everyone, each for the agreements they may see.
  VISITS: [...VENDOR_ROLES, ...PARTNER_ROLES, ...CUSTOMER_ROLES],
  AUDIT: AUDITORS,
  // Everyone can ask for help, with or without an agreement.
  SUPPORT: CASE_OPENERS,
  // The queue of cases to answer: vendor support and the partners cases are routed to.
  SUPPORT_QUEUE: CASE_HANDLERS,
  // Requests from the public contact page: help for the vendor's support, agreement leads for its sellers.
  CONTACT_REQUESTS: CONTACT_REQUEST_HANDLERS,
  // The support calendar ahead for the vendor's support, and changing it (closed days, changed hours) for its keepers.
  SUPPORT_CALENDAR: VENDOR_CASE_HANDLERS,
  SUPPORT_CALENDAR_KEEPING: CALENDAR_KEEPERS,
  // The price list and its history for the staff who price orders; setting a new price for its keepers.
  PRICE_LIST: PRICE_NEGOTIATORS,
  PRICE_LIST_KEEPING: PRICE_LIST_KEEPERS,
  // Each installation's checks for those who see the property; the board across customers for support.
  MONITORING: CHECK_VIEWERS,
  MONITORING_BOARD: BOARD_VIEWERS,
  // Onboarding without the API: sellers register customers and their properties, as the API lets them (issue 22);
  // other kinds of organisation and product releases are offered on the page to those their operations allow.
  ADMINISTRATION: ORGANISATION_REGISTRARS,
  REGISTERING_ANY_ORGANISATION: REGISTRARS_OF_ANY_KIND,
  RELEASE_PUBLISHING: PUBLISHERS,
  USERS: USER_CREATORS,
  // Failed e-mail of every tenant: only the vendor's admins may read it and send it again.
  EMAIL_OUTBOX: OUTBOX_KEEPERS,
  // Users refused by the log-in limits, to unlock: every tenant's, so the vendor's admins only.
  LOGIN_LOCKOUTS: LOCKOUT_KEEPERS,
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTION_ROLES;
export const SECTIONS = Object.keys(SECTION_ROLES) as Section[];

export function sectionsOf(viewer: Viewer): Section[] {
  return SECTIONS.filter((s) => holds(viewer, SECTION_ROLES[s]));
}

export function mayCreateAgreements(viewer: Viewer): boolean {
  return holds(viewer, AGREEMENT_MANAGERS);
}
