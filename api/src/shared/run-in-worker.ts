import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parentPort, Worker, type ResourceLimits } from "node:worker_threads";

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
  /** Posted to the module's `serveJobs` (structured clone: plain objects, dates, buffers). */
  data: unknown;
  /** From the call, waiting for a free thread included. */
  deadlineMs: number;
  resourceLimits?: ResourceLimits;
}

/** Threads at once; more jobs wait for one within their own deadline. The machine has two cores. */
const MAX_THREADS = 2;
/**
 * How long a thread that answered stays for the next job of its module (decision 0036, amended): one send of a
 * protocol makes a PDF per language, and a fresh thread loads pdfmake, its fonts and React again each time.
 */
const WARM_MS = 10_000;
let running = 0;
const waiting: (() => void)[] = [];

/** A thread that answered a job and waits for the next one of its module, until its warm time is over. */
interface WarmThread {
  worker: Worker;
  key: string;
  timer: NodeJS.Timeout;
  gone: () => void;
}
const warm: WarmThread[] = [];

// Under tsx and vitest the code runs as its TypeScript source; the compiled build has a .js for each.
const fromSource = import.meta.url.endsWith(".ts");

function startThread(job: WorkerJob): Worker {
  const options = { resourceLimits: job.resourceLimits };
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

/** Which jobs a thread may serve: those of the same module with the same limits. */
function keyOf(job: WorkerJob): string {
  return `${job.entry.href} ${JSON.stringify(job.resourceLimits ?? {})}`;
}

/** A warm thread for the job, taken out of the warm list, or a new one. */
function threadFor(job: WorkerJob): Worker {
  const key = keyOf(job);
  const i = warm.findIndex((t) => t.key === key);
  if (i < 0) return startThread(job);
  const [thread] = warm.splice(i, 1);
  clearTimeout(thread!.timer);
  // Only our own listeners: Node's Worker has some of its own (removeAllListeners() left it deaf to messages).
  thread!.worker.off("exit", thread!.gone).off("error", thread!.gone);
  thread!.worker.ref();
  return thread!.worker;
}

/** Keeps a thread that answered for WARM_MS; it holds neither the process nor a place among MAX_THREADS meanwhile. */
function keepWarm(worker: Worker, job: WorkerJob): void {
  worker.unref();
  const thread: WarmThread = {
    worker,
    key: keyOf(job),
    timer: setTimeout(() => discard(thread), WARM_MS).unref(),
    gone: () => discard(thread),
  };
  // A warm thread that ends on its own is not handed out.
  worker.once("exit", thread.gone).once("error", thread.gone);
  warm.push(thread);
}

function discard(thread: WarmThread): void {
  clearTimeout(thread.timer);
  const i = warm.indexOf(thread);
  if (i >= 0) warm.splice(i, 1);
  void thread.worker.terminate();
}

/** A job's answer from the worker's side of `serveJobs`. */
type Answer<T> = { value: T } | { error: string };

/**
 * The worker's side: answers each job its parent sends with `work`'s result, for as long as the thread lives. A job
 * that throws answers with its message and leaves the thread to the next.
 */
export function serveJobs<I, T>(work: (data: I) => Promise<T>): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs in a worker thread.");
  port.on("message", (data: I) => {
    work(data).then(
      (value) => port.postMessage({ value } satisfies Answer<T>),
      (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies Answer<T>),
    );
  });
}

/**
 * Runs a job in a worker thread (a module that calls `serveJobs`) and answers its result. Work that could spin on
 * hostile input (a document renderer reading a stored image) must never run on the event loop that answers every
 * request and /healthz: here it runs beside it, and a thread still busy at the deadline is terminated, which stops it
 * mid-loop, and the caller gets WorkerDeadlineExceeded. A thread that answered is kept warm for the module's next
 * job for a few seconds; one that failed, threw or ran out of time is never used again.
 */
export function runInWorker<T>(job: WorkerJob): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let worker: Worker | null = null;
    let holdsThread = false;
    let settled = false;
    const answered = (answer: Answer<T>) =>
      "value" in answer ? finish(() => resolve(answer.value), true) : failed(answer.error);
    const ended = (code: number) => failed(`The worker ended (exit code ${code}) without an answer.`);
    const finish = (outcome: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (waiting.includes(start)) waiting.splice(waiting.indexOf(start), 1);
      worker?.off("message", answered).off("error", failed).off("exit", ended);
      if (worker && reusable) keepWarm(worker, job);
      else void worker?.terminate();
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
        worker = threadFor(job);
        worker.once("message", answered).once("error", failed).once("exit", ended);
        worker.postMessage(job.data);
      } catch (e) {
        failed(e);
      }
    }
    if (running < MAX_THREADS) start();
    else waiting.push(start);
  });
}
