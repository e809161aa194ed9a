import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { organisations } from "../../db/schema/index.js";
import { holds, type OrganisationKind, type Viewer } from "../../shared/viewer.js";
import { CUSTOMER_USER_INVITERS, USER_CREATORS_ANYWHERE } from "./party.roles.js";
import { mayCreateUserIn } from "./party.service.js";
import { administeredOrganisations } from "./registered-customer-administration.js";

/**
 * Whether the viewer may invite people to the organisation: whoever may create its users, and a seller any customer's
 * (decision 0112), which a seller registers and signs up with its people in one sitting.
 */
export function mayInviteUserIn(
  viewer: Viewer,
  organisation: { id: string; kind: OrganisationKind; registeredByPartnerId: string | null },
): boolean {
  if (mayCreateUserIn(viewer, organisation)) return true;
  return holds(viewer, CUSTOMER_USER_INVITERS) && organisation.kind === "CUSTOMER";
}

/**
 * The organisations whose invitations the viewer lists, resends and revokes, as a condition on an organisation id
 * column: a vendor admin's every one, a seller's the customers' only (never a colleague's or a partner's), the others
 * those whose users they administer.
 */
export function invitationReach(viewer: Viewer, organisationId: AnyPgColumn): SQL | undefined {
  if (holds(viewer, USER_CREATORS_ANYWHERE)) return undefined;
  if (holds(viewer, CUSTOMER_USER_INVITERS))
    return inArray(
      organisationId,
      sql`(select ${organisations.id} from ${organisations} where ${eq(organisations.kind, "CUSTOMER")})`,
    );
  return administeredOrganisations(viewer, organisationId);
}
