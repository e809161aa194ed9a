import type { organisations, users } from "../db/schema/index.js";
import { CUSTOMER_ROLES, PARTNER_ROLES, VENDOR_ROLES } from "@trygg/roles";
import { forbidden } from "./errors.js";

export type Role = (typeof users.$inferSelect)["role"];
export type OrganisationKind = (typeof organisations.$inferSelect)["kind"];

export { VENDOR_ROLES, PARTNER_ROLES, CUSTOMER_ROLES };

/** Which roles a user of each kind of organisation may hold. */
export const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  VENDOR: VENDOR_ROLES,
  PARTNER: PARTNER_ROLES,
  CUSTOMER: CUSTOMER_ROLES,
};

/** Who is calling, and through what. Every service takes one; scripts use `systemViewerOf()`. */
export interface Viewer {
  userId: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  sessionId: string | null;
  apiTokenId: string | null;
  /** The API token's scopes; absent or null is full access (a session, or a token made without scopes). */
  apiTokenScopes?: readonly string[] | null;
  requestId: string | null;
}

export function isVendorStaff(v: Viewer): boolean {
  return v.organisationKind === "VENDOR";
}

/** The services' role check: FORBIDDEN unless the viewer holds one of the roles. */
export function requireRole(viewer: Viewer, roles: readonly Role[]): void {
  if (!holds(viewer, roles)) throw forbidden();
}

/**
 * Whether the viewer (or a user) holds one of the roles: what the `viewerCan…` fields answer, from the same lists as
 * the checks.
 */
export function holds(viewer: Pick<Viewer, "role">, roles: readonly Role[]): boolean {
  return roles.includes(viewer.role);
}
