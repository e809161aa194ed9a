import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { properties } from "../../db/schema/index.js";

/** Where a visit is, as a calendar's LOCATION and a mail's sentence: the property's name and address. */
export async function visitLocation(db: DbOrTx, propertyId: string): Promise<string> {
  const [p] = await db.select().from(properties).where(eq(properties.id, propertyId));
  return p ? `${p.name}, ${p.streetAddress}, ${p.postalCode} ${p.city}` : "";
}
