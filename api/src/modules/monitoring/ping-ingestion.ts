import type { Db } from "../../db/client.js";
import type { CheckState } from "./check-state.js";
import { receivePings } from "./ping-group.js";
import type { PingInput } from "./ping-input.js";
import { hashPingKey } from "./ping-key.js";

export type { PingInput } from "./ping-input.js";
/**
 * Takes one signal from an installation: the check's row is locked (so the sweeper, which skips
 * locked rows, and a second ping wait their turn), the deadlines that passed before the ping are
 * applied first so an outage is dated right even if no sweeper has run, then the ping itself; the
 * ping row, the check's facts, any flips and incidents are written in one transaction. Null for a
 * key no check has: nothing is stored. The HTTP route takes pings in groups (ping-group.ts); this is
 * a group of one, for the seed and tests.
 */
export async function receivePing(db: Db, input: PingInput, now: Date): Promise<{ state: CheckState } | null> {
  const [settled] = await receivePings(db, [{ input, keyHash: hashPingKey(input.key), now }]);
  if ("error" in settled!) throw settled.error;
  return settled!.taken;
}

/**
 * Takes many signals in the order given, as the HTTP route takes a group (ping-group.ts): the quiet
 * ones in one statement, the rest one by one. For the seed, which lives a quarter of heartbeats.
 */
export async function receivePingsInOrder(db: Db, pings: readonly { input: PingInput; now: Date }[]): Promise<void> {
  const settled = await receivePings(
    db,
    pings.map(({ input, now }) => ({ input, keyHash: hashPingKey(input.key), now })),
  );
  const failed = settled.find((s) => "error" in s);
  if (failed && "error" in failed) throw failed.error;
}
