// The demo's installations, kept alive while `npm start` runs: each heartbeat check of the monitored
// demo customers pings on its period and each nightly backup runs at 02:00 Swedish time, through the
// same public /ping route a real installation calls (examples/monitoring-agent/). The keys come from
// the seed's lived monitoring (api/src/seed/demo-monitoring.ts), written beside the embedded database.
import { existsSync, readFileSync } from "node:fs";
import { log } from "./lib.mjs";

const MINUTE = 60_000;

/** The hour and minute in Sweden now. */
function swedishClock(now = new Date()) {
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" })
    .formatToParts(now)
    .reduce((acc, p) => ({ ...acc, [p.type]: Number(p.value) }), {});
  return { hour: parts.hour, minute: parts.minute };
}

/** Starts pinging; returns a function that stops it. Does nothing without the seed's keys. */
export function startDemoPinger({ apiBase, keysFile }) {
  if (!existsSync(keysFile)) return () => {};
  const keys = JSON.parse(readFileSync(keysFile, "utf8"));
  let warned = false;
  const ping = async (key, suffix = "", init = {}) => {
    try {
      const res = await fetch(`${apiBase}/ping/${key}${suffix}`, { method: "POST", ...init });
      if (!res.ok && !warned) log(`The demo's simulated installation got ${res.status} from /ping; it keeps trying.`);
      warned ||= !res.ok;
    } catch {
      // The API is restarting; the next round pings again.
    }
  };
  const timers = [];
  for (const k of keys.filter((k) => k.kind === "HEARTBEAT")) {
    void ping(k.key);
    timers.push(setInterval(() => void ping(k.key), (k.periodSeconds ?? 300) * 1000 - 10_000));
  }
  const backups = keys.filter((k) => k.kind === "BACKUP_JOB");
  timers.push(
    setInterval(() => {
      const { hour, minute } = swedishClock();
      if (hour !== 2 || minute !== 0) return;
      for (const [i, b] of backups.entries()) {
        const rid = `demo-${Date.now()}`;
        void ping(b.key, `/start?rid=${rid}`);
        setTimeout(
          () =>
            void ping(b.key, `?rid=${rid}`, {
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ size_bytes: Math.round(2.2e9 + i * 4e8), log: "pg_dump ok (simulated)" }),
            }),
          (20 + i) * MINUTE,
        );
      }
    }, MINUTE),
  );
  log(`Simulating ${keys.length} monitored demo checks (heartbeats every 5 minutes, backups at 02:00).`);
  return () => timers.forEach(clearInterval);
}
