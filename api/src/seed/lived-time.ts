import { TZDate } from "@date-fns/tz";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { clockAt, type Clock } from "../shared/clock.js";
import { addDaysIso, TIME_ZONE, todayInSweden, type IsoDate } from "../shared/dates.js";
import { rowsOf } from "../shared/table-rows.js";

/** What a scene of the demo's story acts with: the clock of its day and its moment. */
interface Scene {
  clock: Clock;
  now: Date;
}

export interface LivedTime {
  today: IsoDate;
  /** The date `days` from the seed's today (negative: in the past). */
  day(days: number): IsoDate;
  /** Runs `act` as if on the day `days` from today at `time` (Swedish time), then moves what it wrote there. */
  on<T>(days: number, time: `${number}:${number}`, act: (scene: Scene) => Promise<T>): Promise<T>;
  /** The same at an exact moment (the support cases keep their hours). */
  at<T>(moment: Date, act: (scene: Scene) => Promise<T>): Promise<T>;
}

async function dbNowMs(db: Db): Promise<number> {
  const [row] = rowsOf(await db.execute(sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`));
  return Number(row!.ms);
}

/** Every timestamp column of Trygg's tables, grouped by table, read once from the catalogue. */
async function timestampColumns(db: Db): Promise<Map<string, string[]>> {
  const rows = rowsOf(
    await db.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'timestamp with time zone' order by table_name, ordinal_position`),
  );
  const byTable = new Map<string, string[]>();
  for (const r of rows)
    byTable.set(String(r.table_name), [...(byTable.get(String(r.table_name)) ?? []), String(r.column_name)]);
  return byTable;
}

/**
 * The demo lives through its story instead of being written in one second. Each scene runs through
 * the ordinary services with the clock of its own day (so the rules judge it as they would have
 * then), and afterwards every timestamp it wrote — column defaults, the services' own "now", audit
 * and tailoring history — is moved from the seed's wall-clock moment to the scene's moment, keeping
 * their order. A timestamp the scene chose itself (a booked visit, a case's hour) lies outside the
 * seconds the scene ran and stays as chosen. Everything is relative to the seed's today, so a seed
 * run next year still looks lived. Scenes in the future are refused: only planned things may be.
 */
export async function livedTime(db: Db, today: IsoDate = todayInSweden()): Promise<LivedTime> {
  const columns = await timestampColumns(db);

  // One statement per scene (a DO block), not one per table: the seed runs in every test that needs the demo.
  const moveWritten = async (fromMs: number, toMs: number, moment: Date) => {
    const literal = (ms: number) => `'${new Date(ms).toISOString()}'::timestamptz`;
    const [from, to, target] = [literal(fromMs), literal(toMs), literal(moment.getTime())];
    const updates = [...columns].map(([table, cols]) => {
      const inScene = (c: string) => `"${c}" between ${from} and ${to}`;
      const sets = cols
        .map((c) => `"${c}" = case when ${inScene(c)} then ${target} + ("${c}" - ${from}) else "${c}" end`)
        .join(", ");
      const written = cols.map(inScene).join(" or ");
      // Only tables the scene wrote: an update of no rows still fires statement triggers (the support calendar's
      // revision).
      return `if exists (select 1 from "${table}" where ${written}) then update "${table}" set ${sets} where ${written}; end if;`;
    });
    await db.execute(sql.raw(`do $$ begin ${updates.join("\n")} end $$`));
  };

  const at = async <T>(moment: Date, act: (scene: Scene) => Promise<T>): Promise<T> => {
    const startJs = Date.now();
    const startDb = await dbNowMs(db);
    // The database and this process may read their clocks a millisecond apart: take the earlier.
    const from = Math.min(startJs, Math.floor(startDb)) - 1;
    if (moment.getTime() >= from) throw new Error(`A demo scene at ${moment.toISOString()} would lie in the future.`);
    const result = await act({ clock: clockAt(todayInSweden(moment)), now: moment });
    const to = Math.max(Date.now(), Math.ceil(await dbNowMs(db))) + 1;
    await moveWritten(from, to, moment);
    return result;
  };

  const day = (days: number) => addDaysIso(today, days);
  return {
    today,
    day,
    at,
    on: (days, time, act) => {
      const [y, m, d] = day(days).split("-").map(Number) as [number, number, number];
      const [h, min] = time.split(":").map(Number) as [number, number];
      return at(new Date(new TZDate(y, m - 1, d, h, min, 0, TIME_ZONE).getTime()), act);
    },
  };
}
