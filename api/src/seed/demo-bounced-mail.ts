import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agreements, emailOutbox, users } from "../db/schema/index.js";
import { queueMail } from "../modules/notifications/index.js";
import { PROTOCOL_MAIL } from "../modules/visits/protocol.mails.js";
import { VENDOR } from "./bootstrap.js";

/** The board member who mistyped the board's address, so the mail is in the language that board reads Trygg in. */
const TYPED_BY = "bo@brflinne.demo";
export const BOUNCED_ADDRESS = "styrelsen@brflinne.dmeo";

/**
 * The demo's mail that bounced for good, for the admin's outbox: a visit protocol to the board's address with a typo,
 * worded by the protocol's own mail kind in its reader's language, as a real one would be, then refused ten times.
 */
export async function seedBouncedMail(db: Db, on: string) {
  const [bo] = await db.select().from(users).where(eq(users.email, TYPED_BY));
  const [agreement] = await db.select().from(agreements).where(eq(agreements.customerId, bo!.organisationId)).limit(1);
  const reader = { email: BOUNCED_ADDRESS, language: bo!.language };
  const facts = {
    on,
    property: "Linnégatan 12",
    number: agreement!.number,
    technician: "Tomas Tekniker",
    vendor: VENDOR.name,
  };
  const id = await queueMail(db, PROTOCOL_MAIL, reader, facts);
  await db
    .update(emailOutbox)
    .set({
      state: "FAILED",
      attempts: 10,
      lastError: `Error: Can't send mail - all recipients were rejected: 550 5.1.2 <${BOUNCED_ADDRESS}>: Recipient address rejected: Domain not found`,
    })
    .where(eq(emailOutbox.id, id));
  return id;
}
