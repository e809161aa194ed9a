import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import { organisationScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";

export type OrganisationRow = typeof organisations.$inferSelect;

/** One organisation the viewer may see; another tenant's answers null, as a missing one. */
export async function findOrganisation(db: DbOrTx, viewer: Viewer, id: string): Promise<OrganisationRow | null> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(organisationScope(viewer), eq(organisations.id, id)));
  return row ?? null;
}
