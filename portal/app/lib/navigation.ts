import type { Section } from "~/graphql/graphql";
import type { MessageKey } from "~/i18n/i18n";

export interface NavItem {
  to: string;
  label: MessageKey;
}

/**
 * The portal's page for each part of Trygg. Which of them a user sees, and in which order, is the
 * API's `viewer.sections`; a section without a page here (yet) is left out of the menu.
 */
const PAGES: Partial<Record<Section, NavItem>> = {
  DASHBOARD: { to: "/", label: "nav.dashboard" },
  AGREEMENTS: { to: "/agreements", label: "nav.agreements" },
  ORGANISATIONS: { to: "/organisations", label: "nav.organisations" },
  PROPERTIES: { to: "/properties", label: "nav.properties" },
  API_TOKENS: { to: "/api-tokens", label: "nav.apiTokens" },
  WEBHOOKS: { to: "/webhooks", label: "nav.webhooks" },
  WORKLIST: { to: "/worklist", label: "nav.worklist" },
  PROPOSALS: { to: "/proposals", label: "nav.proposals" },
  VISITS: { to: "/visits", label: "visit.nav" },
  SUPPORT: { to: "/support", label: "support.nav" },
  SUPPORT_QUEUE: { to: "/support-queue", label: "support.navQueue" },
  CONTACT_REQUESTS: { to: "/contact-requests", label: "nav.contactRequests" },
  SUPPORT_CALENDAR: { to: "/support-calendar", label: "nav.supportCalendar" },
  PRICE_LIST: { to: "/price-list", label: "nav.priceList" },
  // One page: the installations' checks, or support's board across customers for those who may read it.
  MONITORING: { to: "/monitoring", label: "nav.monitoring" },
  MONITORING_BOARD: { to: "/monitoring", label: "nav.monitoring" },
  USERS: { to: "/admin/users", label: "admin.nav.users" },
  ADMINISTRATION: { to: "/administration", label: "admin.nav.administration" },
  AUDIT: { to: "/admin/audit", label: "admin.nav.audit" },
};

export function navItemsFor(sections: readonly Section[]): NavItem[] {
  const items = sections.flatMap((section) => PAGES[section] ?? []);
  return items.filter((item, i) => items.findIndex((other) => other.to === item.to) === i);
}
