import { describe, expect, it } from "vitest";
import { runInWorker, WorkerDeadlineExceeded } from "./run-in-worker.js";

/** A job for the fixture's thread, which answers with its thread id. */
const job = (data: "id" | "throw" | "spin", deadlineMs = 60_000) =>
  runInWorker<number>({ entry: new URL("./run-in-worker-thread.fixture.js", import.meta.url), data, deadlineMs });

describe("work in a worker thread", () => {
  it("keeps a thread that answered warm for the next job of its module", async () => {
    const first = await job("id");
    expect(await job("id")).toBe(first);
  });

  it("never hands out a thread again that ran out of time or whose job threw", async () => {
    const before = await job("id");
    await expect(job("spin", 1_000)).rejects.toBeInstanceOf(WorkerDeadlineExceeded);
    const afterDeadline = await job("id");
    expect(afterDeadline).not.toBe(before);
    await expect(job("throw")).rejects.toThrow("the job threw");
    expect(await job("id")).not.toBe(afterDeadline);
  });

  it("gives two jobs at once a thread each", async () => {
    const [a, b] = await Promise.all([job("id"), job("id")]);
    expect(a).not.toBe(b);
  });
});
