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

describe("group commit of pings", () => {
  it("takes a lone ping at the next turn, and the pings that arrive during a commit together after it", async () => {
    const m = manualCommit();
    const queue = new PingCommitQueue<number, string>(m.commit, () => "failed", 100);
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
    const queue = new PingCommitQueue<number, string>(m.commit, () => "failed", 2);
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
      100,
    );
    const failed = [queue.take(1), queue.take(2)];
    expect(await Promise.all(failed)).toEqual(["failed: connection lost", "failed: connection lost"]);
    expect(await queue.take(3)).toBe("done 3");
  });
});
