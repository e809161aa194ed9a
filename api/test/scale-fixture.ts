import postgres from "postgres";
import { openDatabase, type Database } from "../src/db/client.js";
import { seedScale } from "../src/seed/scale.js";
import type { Viewer } from "../src/shared/viewer.js";
import { emptyTestDatabase } from "./support.js";

/** A statement the API ran, with its parameters, for its plan. */
interface Captured {
  statement: string;
  params: unknown[];
}

/**
 * The scale data set at `factor` in a database of its own (decision 0077), migrated and seeded, with a viewer of each
 * kind: the installer with most agreements, vendor staff and a seller. `capture` runs a function and answers the
 * statements the API ran meanwhile.
 */
export async function scaleFixture(factor: number) {
  const target = await emptyTestDatabase("trygg_scale");
  let captured: Captured[] | null = null;
  const database: Database = await openDatabase({
    url: target.url,
    onQuery: (statement, params) => captured?.push({ statement, params }),
  });
  await database.migrate();
  // Seeded over a pool whose statement timeout no statement of the load could meet: the seed lifts it for itself.
  const loader = await openDatabase({ url: target.url, postgres: { statementTimeoutMs: 300 } });
  try {
    await seedScale(loader.db, factor);
  } finally {
    await loader.close();
  }
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  const [ids] = await sql`select
    (select id from organisations where name = 'Installatör 01 AB') as partner,
    (select id from organisations where kind = 'VENDOR') as vendor,
    (select id from users where email = 'saljare1@skala.test') as seller`;
  const viewer = (role: Viewer["role"], organisationId: string, organisationKind: Viewer["organisationKind"]) => ({
    userId: organisationKind === "VENDOR" ? (ids!.seller as string) : "00000000-0000-4000-8000-000000000001",
    name: "Skala",
    email: "skala@skala.test",
    role,
    organisationId,
    organisationKind,
    sessionId: null,
    apiTokenId: null,
    requestId: null,
  });
  return {
    database,
    sql,
    partner: viewer("PARTNER_ADMIN", ids!.partner as string, "PARTNER"),
    admin: viewer("ADMIN", ids!.vendor as string, "VENDOR"),
    seller: viewer("SELLER", ids!.vendor as string, "VENDOR"),
    async capture<T>(run: () => Promise<T>): Promise<{ result: T; statements: Captured[] }> {
      captured = [];
      try {
        const result = await run();
        return { result, statements: captured };
      } finally {
        captured = null;
      }
    },
    async close() {
      await sql.end();
      await database.close();
      await target.drop();
    },
  };
}
