import type { Role } from "~/graphql/graphql";
import type { MessageKey } from "~/i18n/i18n";

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Who sees the link; undefined for everybody. */
  roles?: readonly Role[];
}

const VENDOR_STAFF: readonly Role[] = ["ADMIN", "SELLER", "SUPPORT"];
const PARTNERS: readonly Role[] = ["PARTNER_ADMIN", "PARTNER_STAFF"];

/** The logged-in pages, in menu order. Only pages that exist are listed. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.dashboard" },
  // Everybody: the API shows customers their own agreements, partners those they signed, vendor staff all.
  { to: "/agreements", label: "nav.agreements" },
  { to: "/organisations", label: "nav.organisations", roles: [...VENDOR_STAFF, ...PARTNERS] },
  { to: "/properties", label: "nav.properties" },
  { to: "/api-tokens", label: "nav.apiTokens", roles: ["PARTNER_ADMIN", "ADMIN"] },
  // Tailorings waiting on the vendor (a customer admin reaches theirs from the dashboard).
  { to: "/worklist", label: "nav.worklist", roles: ["SELLER", "ADMIN"] },
];

export function canSee(item: NavItem, role: Role): boolean {
  return !item.roles || item.roles.includes(role);
}

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => canSee(item, role));
}
