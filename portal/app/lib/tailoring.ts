import type { Role } from "~/graphql/graphql";
import { PRIORITY_CONFIRMERS, VENDOR_SIDE, isOneOf } from "@trygg/roles";

/**
 * Whose worklist a role has: the vendor's for sellers and admins, the customer's for its admins.
 * (A tailoring says the viewer's side itself, `viewerParty`; the dashboard and the worklist ask
 * before any tailoring is loaded, and the API has no such field on Viewer yet.)
 */
export function partyOf(role: Role): "VENDOR" | "CUSTOMER" | undefined {
  if (isOneOf(role, VENDOR_SIDE)) return "VENDOR";
  if (isOneOf(role, PRIORITY_CONFIRMERS)) return "CUSTOMER";
  return undefined;
}

/** Moves one entry of a list from `from` to `to`; a new array, the old one untouched. */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}
