import { asc, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { agreementProperties, licenceRentals, properties } from "../db/schema/index.js";
import { tableRows } from "./table-rows.js";

/**
 * The rows `tableRows` reads next to the rows drizzle's own `select()` maps, for the tables the
 * loaders read with it: a test on each driver expects each pair to be equal, value for value.
 */
export async function tableRowsBesideDrizzle(db: DbOrTx) {
  const rentals = await tableRows(licenceRentals)(db, { where: sql`true`, orderBy: sql`${licenceRentals.id}` });
  const drizzleRentals = await db.select().from(licenceRentals).orderBy(asc(licenceRentals.id));
  const covered = await tableRows(properties, { agreementId: agreementProperties.agreementId })(db, {
    from: sql`${agreementProperties} inner join ${properties} on ${eq(properties.id, agreementProperties.propertyId)}`,
    where: sql`true`,
    orderBy: sql`${agreementProperties.agreementId}, ${properties.id}`,
  });
  const drizzleCovered = await db
    .select({ ...getTableColumns(properties), agreementId: agreementProperties.agreementId })
    .from(agreementProperties)
    .innerJoin(properties, eq(properties.id, agreementProperties.propertyId))
    .orderBy(asc(agreementProperties.agreementId), asc(properties.id));
  return [
    { name: "licence rentals", rows: rentals, expected: drizzleRentals },
    { name: "covered properties", rows: covered, expected: drizzleCovered },
  ];
}
