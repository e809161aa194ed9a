import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { organisations } from "../../db/schema/index.js";
import { holds, isVendorStaff, type Viewer } from "../../shared/viewer.js";
import { REGISTERED_CUSTOMER_ADMINISTRATORS } from "./party.roles.js";

/**
 * A partner admin administers the customers its partner registered (decision 0104): their users, invitations and
 * record, as the customer's own admin would. Ownership is the stored `registered_by_partner_id` (decision 0082), not
 * the facts a partner's reading scope follows: installing at a customer's property or signing its agreement lets a
 * partner see a customer, never run its accounts.
 */
export function administersRegisteredCustomer(
  viewer: Viewer,
  organisation: { registeredByPartnerId: string | null },
): boolean {
  return (
    viewer.organisationKind === "PARTNER" &&
    holds(viewer, REGISTERED_CUSTOMER_ADMINISTRATORS) &&
    organisation.registeredByPartnerId === viewer.organisationId
  );
}

/**
 * The organisations whose people the viewer administers or lists, as a condition on a column holding an
 * organisation id (a user's, an invitation's): the vendor's staff every one, a partner admin its own and the
 * customers it registered, everyone else their own organisation.
 */
export function administeredOrganisations(viewer: Viewer, organisationId: AnyPgColumn): SQL | undefined {
  if (isVendorStaff(viewer)) return undefined;
  const own = eq(organisationId, viewer.organisationId);
  if (viewer.organisationKind !== "PARTNER" || !holds(viewer, REGISTERED_CUSTOMER_ADMINISTRATORS)) return own;
  return or(
    own,
    inArray(
      organisationId,
      sql`(select ${organisations.id} from ${organisations} where ${organisations.registeredByPartnerId} = ${viewer.organisationId})`,
    ),
  );
}
