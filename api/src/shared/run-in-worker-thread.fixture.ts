import { threadId } from "node:worker_threads";
import { serveJobs } from "./run-in-worker.js";

// For run-in-worker.test.ts: a job says what to do; the answer names the thread that did it.
serveJobs(async (job: "id" | "throw" | "spin") => {
  if (job === "throw") throw new Error("the job threw");
  // eslint-disable-next-line no-empty
  if (job === "spin") for (;;) {}
  return threadId;
});
