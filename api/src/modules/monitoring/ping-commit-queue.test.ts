import { describe, expect, it } from "vitest";
import { PingCommitQueue } from "./ping-commit-queue.js";

/** A commit the test finishes by hand, recording each group it was given. */
function manualCommit() {
  const groups: number[][] = [];
  const pending: (() => void)[] = [];
  const commit = (items: number[]) => {
    groups.push(items);
    return new Promise<string[]>((resolve) => pending.push(() => resolve(items.map((i) => `done ${i}`))));
  };
  return { groups, commit, finishNext: () => pending.shift()!() };
}

const turn = () => new Promise((r) => setImmediate(r));
/** One group at a time, each item its own key: the queue as decision 0062 built it. */
const oneAtATime = (cap: number) => ({ cap, inFlight: 1, extraAtLeast: 1, keyOf: (i: number) => String(i) });

describe("group commit of pings", () => {
  it("takes a lone ping at the next turn, and the pings that arrive during a commit together after it", async () => {
    const m = manualCommit();
    const queue = new PingCommitQueue<number, string>(m.commit, () => "failed", oneAtATime(100));
    const first = queue.take(1);
    await turn();
    expect(m.groups).toEqual([[1]]);
    const later = [2, 3, 4].map((i) => queue.take(i));
    await turn();
    // One group at a time: the three wait for the first commit.
    expect(m.groups).toEqual([[1]]);
    m.finishNext();
    expect(await first).toBe("done 1");
    await turn();
    expect(m.groups).toEqual([[1], [2, 3, 4]]);
    m.finishNext();
    expect(await Promise.all(later)).toEqual(["done 2", "done 3", "done 4"]);
  });

  it("caps a group, taking the rest in the next one in arrival order", async () => {
    const m = manualCommit();
    const queue = new PingCommitQueue<number, string>(m.commit, () => "failed", oneAtATime(2));
    const all = [1, 2, 3, 4, 5].map((i) => queue.take(i));
    await turn();
    for (let i = 0; i < 3; i++) {
      m.finishNext();
      await turn();
      await turn();
    }
    expect(m.groups).toEqual([[1, 2], [3, 4], [5]]);
    expect(await Promise.all(all)).toEqual(["done 1", "done 2", "done 3", "done 4", "done 5"]);
  });

  it("answers every ping of a commit that throws as failed, and goes on with the next group", async () => {
    let calls = 0;
    const queue = new PingCommitQueue<number, string>(
      async (items) => {
        if (calls++ === 0) throw new Error("connection lost");
        return items.map((i) => `done ${i}`);
      },
      (error) => `failed: ${(error as Error).message}`,
      oneAtATime(100),
    );
    const failed = [queue.take(1), queue.take(2)];
    expect(await Promise.all(failed)).toEqual(["failed: connection lost", "failed: connection lost"]);
    expect(await queue.take(3)).toBe("done 3");
  });

  it("starts the next group while one is in flight, up to the limit, and the rest when one is done", async () => {
    const m = manualCommit();
    const queue = new PingCommitQueue<number, string>(m.commit, () => "failed", {
      cap: 100,
      inFlight: 2,
      extraAtLeast: 1,
      keyOf: (i) => String(i),
    });
    const all = [queue.take(1)];
    await turn();
    all.push(queue.take(2), queue.take(3));
    await turn();
    expect(m.groups).toEqual([[1], [2, 3]]);
    all.push(queue.take(4));
    await turn();
    // Two in flight: the third waits for one of them.
    expect(m.groups).toEqual([[1], [2, 3]]);
    m.finishNext();
    await turn();
    await turn();
    expect(m.groups).toEqual([[1], [2, 3], [4]]);
    m.finishNext();
    m.finishNext();
    expect(await Promise.all(all)).toEqual(["done 1", "done 2", "done 3", "done 4"]);
  });

  it("holds back a key that is in flight, with its later pings, so each key's pings commit in order", async () => {
    const m = manualCommit();
    // Items are key * 10 + n: 11 and 12 are key 1's first and second ping.
    const queue = new PingCommitQueue<number, string>(m.commit, () => "failed", {
      cap: 100,
      inFlight: 3,
      extraAtLeast: 1,
      keyOf: (i) => String(Math.floor(i / 10)),
    });
    const all = [queue.take(11)];
    await turn();
    all.push(queue.take(21), queue.take(12), queue.take(31), queue.take(13), queue.take(22));
    await turn();
    await turn();
    // Key 1 is in flight: 12 and 13 wait; 21, 31 and 22 (key 2's two, in order) go together.
    expect(m.groups).toEqual([[11], [21, 31, 22]]);
    m.finishNext();
    await turn();
    await turn();
    expect(m.groups).toEqual([[11], [21, 31, 22], [12, 13]]);
    m.finishNext();
    m.finishNext();
    expect(await Promise.all(all)).toEqual(["done 11", "done 21", "done 12", "done 31", "done 13", "done 22"]);
  });

  it("starts a group beside one in flight only when enough wait, but the next after a group's end whatever its size", async () => {
    const m = manualCommit();
    const queue = new PingCommitQueue<number, string>(m.commit, () => "failed", {
      cap: 100,
      inFlight: 3,
      extraAtLeast: 3,
      keyOf: (i) => String(i),
    });
    const all = [queue.take(1)];
    await turn();
    all.push(queue.take(2), queue.take(3));
    await turn();
    // Two waiting are too few for a group beside the one in flight.
    expect(m.groups).toEqual([[1]]);
    all.push(queue.take(4));
    await turn();
    expect(m.groups).toEqual([[1], [2, 3, 4]]);
    all.push(queue.take(5));
    await turn();
    expect(m.groups).toEqual([[1], [2, 3, 4]]);
    m.finishNext();
    await turn();
    await turn();
    // The first group's end hands over to 5 alone.
    expect(m.groups).toEqual([[1], [2, 3, 4], [5]]);
    m.finishNext();
    m.finishNext();
    expect(await Promise.all(all)).toEqual(["done 1", "done 2", "done 3", "done 4", "done 5"]);
  });
});
