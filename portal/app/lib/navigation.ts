import type { Section } from "~/graphql/graphql";
import type { MessageKey } from "~/i18n/i18n";

export interface NavItem {
  to: string;
  label: MessageKey;
}

/** One entry of the menu's row: a page, or a group of pages behind a button that opens it. */
export type NavEntry = { item: NavItem } | { group: MessageKey; items: NavItem[] };

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

/**
 * The pages that share a button in the menu's row (decision 0097): a vendor admin has eighteen pages,
 * more than one row of 1280 px holds. The everyday pages stay in the row; support's own pages and the
 * administrative ones fold behind "Support" and "Administration".
 */
const GROUPS: readonly { label: MessageKey; sections: readonly Section[] }[] = [
  { label: "nav.group.support", sections: ["SUPPORT", "SUPPORT_QUEUE", "CONTACT_REQUESTS", "SUPPORT_CALENDAR"] },
  {
    label: "nav.group.administration",
    sections: ["PRICE_LIST", "ADMINISTRATION", "USERS", "AUDIT", "API_TOKENS", "WEBHOOKS"],
  },
];

function navItemsFor(sections: readonly Section[]): NavItem[] {
  const items = sections.flatMap((section) => PAGES[section] ?? []);
  return items.filter((item, i) => items.findIndex((other) => other.to === item.to) === i);
}

/**
 * The menu's row: the pages in the API's order, then each group of two pages or more. A group of one
 * stays a page in the row (a customer's only support page), since a button that opens one link is a detour.
 */
export function menuFor(sections: readonly Section[]): NavEntry[] {
  const groups = GROUPS.map((group) => ({
    group: group.label,
    items: navItemsFor(sections.filter((section) => group.sections.includes(section))),
  })).filter((group) => group.items.length > 1);
  const grouped = new Set(groups.flatMap((group) => group.items.map((item) => item.to)));
  const pages = navItemsFor(sections)
    .filter((item) => !grouped.has(item.to))
    .map((item) => ({ item }));
  return [...pages, ...groups];
}
