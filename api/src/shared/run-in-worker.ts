import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

/** The work did not end before its deadline; its thread was stopped. */
export class WorkerDeadlineExceeded extends Error {
  constructor(readonly deadlineMs: number) {
    super(`The work did not finish within ${deadlineMs / 1000} s and was stopped.`);
  }
}

/** The work threw, ran out of the memory it was given, or its thread ended without an answer. */
class WorkerFailed extends Error {}

export interface WorkerJob {
  /** The worker's module, named as the compiled build names it (`new URL("./x.worker.js", import.meta.url)`). */
  entry: URL;
  /** Handed to the module as `workerData` (structured clone: plain objects, dates, buffers). */
  data: unknown;
  /** From the call, waiting for a free thread included. */
  deadlineMs: number;
  resourceLimits?: ResourceLimits;
}

/** Threads at once; more jobs wait for one within their own deadline. The machine has two cores. */
const MAX_THREADS = 2;
let running = 0;
const waiting: (() => void)[] = [];

// Under tsx and vitest the code runs as its TypeScript source; the compiled build has a .js for each.
const fromSource = import.meta.url.endsWith(".ts");

function startThread(job: WorkerJob): Worker {
  const options = { workerData: job.data, resourceLimits: job.resourceLimits };
  if (!fromSource) return new Worker(job.entry, options);
  // A worker thread starts without the parent's TypeScript loader (vitest's is not even Node's):
  // tsx loads the entry for it, with the API's tsconfig (JSX, decorators). Its ES module build is
  // the one that works from an evaluated script.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const source = job.entry.href.replace(/\.js$/, ".ts");
  const tsconfig = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, { parentURL: ${JSON.stringify(source)}, tsconfig: ${JSON.stringify(tsconfig)} }));`;
  return new Worker(code, { ...options, eval: true });
}

/**
 * Runs a module in a worker thread and answers the first message it posts. Work that could spin
 * on hostile input (a document renderer reading a stored image) must never run on the event loop
 * that answers every request and /healthz: here it runs beside it, and a thread still busy at the
 * deadline is terminated, which stops it mid-loop, and the caller gets WorkerDeadlineExceeded.
 */
export function runInWorker<T>(job: WorkerJob): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let worker: Worker | null = null;
    let holdsThread = false;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (waiting.includes(start)) waiting.splice(waiting.indexOf(start), 1);
      void worker?.terminate();
      if (holdsThread) {
        running--;
        waiting.shift()?.();
      }
      outcome();
    };
    const failed = (e: unknown) => finish(() => reject(new WorkerFailed(e instanceof Error ? e.message : String(e))));
    const timer = setTimeout(() => finish(() => reject(new WorkerDeadlineExceeded(job.deadlineMs))), job.deadlineMs);
    function start() {
      if (settled) return;
      running++;
      holdsThread = true;
      try {
        worker = startThread(job);
      } catch (e) {
        failed(e);
        return;
      }
      worker.once("message", (value: T) => finish(() => resolve(value)));
      worker.once("error", failed);
      worker.once("exit", (code) => failed(`The worker ended (exit code ${code}) without an answer.`));
    }
    if (running < MAX_THREADS) start();
    else waiting.push(start);
  });
}
