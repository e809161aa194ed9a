/**
 * Runs `pass` at once and then `intervalMs` after each pass ends: never two passes at once in one process, and a
 * pass that throws does not end the loop (`pass` logs its own failures). `stop()` waits for a pass under way, so a
 * shutdown never cuts a transaction in half. The jobs themselves are safe in several processes (each says how).
 */
export function startPeriodicJob(pass: () => Promise<void>, intervalMs: number): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    running = pass()
      .catch(() => {})
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
