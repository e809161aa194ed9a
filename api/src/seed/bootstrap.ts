import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { organisations, users } from "../db/schema/index.js";
import { recordAudit } from "../shared/audit.js";
import { hashPassword } from "../shared/password.js";
import type { Viewer } from "../shared/viewer.js";
import { systemViewerOf } from "../modules/access/access.service.js";

export const VENDOR = { name: "Aptus Elektronik AB", organisationNumber: "556203-2101" };

/**
 * Makes sure the vendor organisation and the first admin exist, so that a fresh installation can be
 * logged in to. Idempotent: an existing admin keeps its password. Returns the admin as a viewer for
 * scripts that act in its name.
 */
export async function ensureAdmin(db: Db, admin: { email: string; password: string; name?: string }): Promise<Viewer> {
  const email = admin.email.trim().toLowerCase();
  const passwordHash = await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    let [vendor] = await tx.select().from(organisations).where(eq(organisations.kind, "VENDOR")).limit(1);
    if (!vendor) {
      [vendor] = await tx
        .insert(organisations)
        .values({ kind: "VENDOR", ...VENDOR })
        .returning();
      await recordAudit(tx, null, {
        action: "organisation.create",
        objectType: "Organisation",
        objectId: vendor!.id,
        organisationId: vendor!.id,
        details: { ...VENDOR, by: "bootstrap" },
      });
    }
    let [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ organisationId: vendor!.id, email, name: admin.name ?? "Trygg Admin", role: "ADMIN", passwordHash })
        .returning();
      await recordAudit(tx, null, {
        action: "user.create",
        objectType: "User",
        objectId: user!.id,
        organisationId: vendor!.id,
        details: { email, role: "ADMIN", by: "bootstrap" },
      });
    }
    return (await systemViewerOf(tx, email))!;
  });
}
