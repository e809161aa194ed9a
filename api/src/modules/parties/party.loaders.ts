import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { organisations, properties, users } from "../../db/schema/index.js";
import { isAnyUuid } from "../../shared/any-uuid.js";

type OrganisationRow = typeof organisations.$inferSelect;
type UserRow = typeof users.$inferSelect;
type PropertyRow = typeof properties.$inferSelect;

function byId<Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/**
 * Per-request loaders for following relations without N+1. They do not apply the tenant scope:
 * they are only used to follow a relation from an object the viewer was already allowed to see.
 */
export function createPartyLoaders(db: Db) {
  return {
    organisation: byId<OrganisationRow>((ids) => db.select().from(organisations).where(isAnyUuid(organisations.id, ids))),
    user: byId<UserRow>((ids) => db.select().from(users).where(isAnyUuid(users.id, ids))),
    property: byId<PropertyRow>((ids) => db.select().from(properties).where(isAnyUuid(properties.id, ids))),
  };
}

export type PartyLoaders = ReturnType<typeof createPartyLoaders>;
