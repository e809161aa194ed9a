import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database } from "../src/db/client.js";
import { seedDemo } from "../src/seed/demo.js";
import { emptyTestDatabase } from "./support.js";

/**
 * A demo database of the test file's own for jobs that must act exactly once across API processes and restarts
 * (issue 21): `twoProcesses` runs a job at the same instant on two connection pools, each standing for an API
 * process and closed afterwards as a stopping process's would be; a pool opened after both closed stands for the
 * restarted server. `sql` reads what the jobs wrote. Registers the file's beforeAll and afterAll.
 */
export function demoForProcesses(prefix: string) {
  let target: Awaited<ReturnType<typeof emptyTestDatabase>> | undefined;
  let sql: postgres.Sql | undefined;
  const open = () => openDatabase({ url: target!.url, postgres: { poolSize: 4 } });

  beforeAll(async () => {
    // The run's seeded demo (demo-template.global.ts) copied, or seeded here when the run has none.
    const template = inject("demoTemplate");
    target = await emptyTestDatabase(prefix, template);
    const first = await open();
    await first.migrate();
    if (!template) await seedDemo(first.db);
    await first.close();
    sql = postgres(target.url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await target?.drop();
  });

  return {
    open,
    get sql(): postgres.Sql {
      return sql!;
    },
    async twoProcesses<T>(run: (db: Database["db"]) => Promise<T>): Promise<T[]> {
      const [p1, p2] = await Promise.all([open(), open()]);
      try {
        return await Promise.all([run(p1.db), run(p2.db)]);
      } finally {
        await Promise.all([p1.close(), p2.close()]);
      }
    },
  };
}
