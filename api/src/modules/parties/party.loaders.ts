import DataLoader from "dataloader";
import { and } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations, properties, users } from "../../db/schema/index.js";
import { isAnyUuid } from "../../shared/any-uuid.js";
import { firstBy } from "../../shared/group-by.js";
import { organisationScope, propertyScope, userScope } from "../../shared/scope.js";
import type { Viewer } from "../../shared/viewer.js";

type OrganisationRow = typeof organisations.$inferSelect;
type UserRow = typeof users.$inferSelect;
type PropertyRow = typeof properties.$inferSelect;

function byId<Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (ids) => firstBy(ids, await load([...ids]), (r) => r.id));
}

/**
 * Per-request loaders for following relations without N+1. `organisation`, `user` and `property`
 * do not apply the tenant scope: they follow a relation from an object the viewer was already
 * allowed to see, or read what every viewer of it may see (an actor's name). A relation that
 * returns an `Organisation`, a `User` or a `Property` the viewer may not see through it goes through
 * `visibleOrganisation`/`visibleUser`/`visibleProperty`, which answer exactly what `node(id)` would
 * (see `shared/scope.ts`).
 */
export function createPartyLoaders(db: Db, viewer: Viewer | null) {
  /** By id within the viewer's scope: nobody signed in sees nothing. */
  const visible = <Row extends { id: string }>(read: (v: Viewer, ids: string[]) => Promise<Row[]>) =>
    byId<Row>((ids) => (viewer ? read(viewer, ids) : Promise.resolve([])));
  return {
    visibleOrganisation: visible<OrganisationRow>((v, ids) =>
      db
        .select()
        .from(organisations)
        .where(and(organisationScope(v), isAnyUuid(organisations.id, ids))),
    ),
    visibleUser: visible<UserRow>((v, ids) =>
      db
        .select()
        .from(users)
        .where(and(userScope(v), isAnyUuid(users.id, ids))),
    ),
    visibleProperty: visible<PropertyRow>((v, ids) =>
      db
        .select()
        .from(properties)
        .where(and(propertyScope(v), isAnyUuid(properties.id, ids))),
    ),
    organisation: byId<OrganisationRow>((ids) =>
      db.select().from(organisations).where(isAnyUuid(organisations.id, ids)),
    ),
    user: byId<UserRow>((ids) => db.select().from(users).where(isAnyUuid(users.id, ids))),
    property: byId<PropertyRow>((ids) => db.select().from(properties).where(isAnyUuid(properties.id, ids))),
  };
}

export type PartyLoaders = ReturnType<typeof createPartyLoaders>;
