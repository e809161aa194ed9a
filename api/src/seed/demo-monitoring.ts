import { TZDate } from "@date-fns/tz";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { monitoringChecks, properties } from "../db/schema/index.js";
import {
  DEFAULT_INCIDENT_MAIL,
  mailIncidents,
  receivePing,
  receivePingsInOrder,
  reconcileMonitoring,
  type PingInput,
  rotatePingKey,
  sweepDueChecks,
} from "../modules/monitoring/index.js";
import { TIME_ZONE } from "../shared/dates.js";
import type { Viewer } from "../shared/viewer.js";
import type { LivedTime } from "./lived-time.js";
import { must } from "./must.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far back the backups go: a quarter, as the customer's monitoring page draws it. */
export const BACKUP_DAYS = 90;
/** A heartbeat's period, as the checks are provisioned (monitoring-provisioning.ts). */
const HEARTBEAT_PERIOD = 5 * MINUTE;
/**
 * How many heartbeats go to the ingestion at once. A quarter is ~26,000 pings per check: one by one
 * they took minutes of `npm start`'s first run, in groups (one statement each) seconds.
 */
const PING_GROUP = 2_000;
/** The outage the demo lived: Masthugget's Multi-access server, silent for three hours one night 12 days ago. */
const OUTAGE = { property: "Kv. Masthugget 4", template: "MULTI_ACCESS_SERVER", day: -12, time: "03:50", minutes: 185 };
/** The late backup: Majorna's, which started 40 minutes late 9 nights ago. */
const LATE_BACKUP = { property: "Kv. Majorna 12", days: -9, minutesLate: 40 };

/** A ping key per check, for the demo's simulator to keep pinging (scripts/demo-pinger.mjs). */
export interface DemoPingKey {
  property: string;
  check: string;
  kind: string;
  periodSeconds: number | null;
  key: string;
}

function signal(key: string, kind: "SUCCESS" | "START" = "SUCCESS", extra: Partial<PingInput> = {}): PingInput {
  return {
    key,
    signal: kind,
    exitCode: null,
    runId: null,
    durationMs: null,
    sizeBytes: null,
    body: null,
    remoteAddress: null,
    ...extra,
  };
}

function swedish(moment: Date, days: number, time: string): Date {
  const d = new Date(moment.getTime() + days * DAY);
  const local = new TZDate(d.getTime(), TIME_ZONE);
  const [h, m] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), h, m, 0, TIME_ZONE).getTime());
}

/**
 * Three lived months of Systemövervakning for the monitored demo customers, through the real
 * ingestion and sweeper with the clock of each moment: the checks are provisioned 90 days ago, every
 * night's backup starts and finishes (size growing slowly), every heartbeat pings every five minutes,
 * one server is silent for three hours (the sweeper opens a support case, the recovery closes
 * it), and one backup starts late. Returns the keys the demo's simulator pings with.
 */
export async function seedDemoMonitoring(db: Db, lived: LivedTime, admin: Viewer): Promise<DemoPingKey[]> {
  const now = new Date();
  const start = swedish(now, -BACKUP_DAYS, "00:00");
  await lived.at(start, () => reconcileMonitoring(db, start, lived.day(-BACKUP_DAYS)));
  const checks = await db
    .select({
      id: monitoringChecks.id,
      name: monitoringChecks.name,
      kind: monitoringChecks.kind,
      template: monitoringChecks.template,
      periodSeconds: monitoringChecks.periodSeconds,
      property: properties.name,
    })
    .from(monitoringChecks)
    .innerJoin(properties, eq(properties.id, monitoringChecks.propertyId))
    .orderBy(asc(properties.name), asc(monitoringChecks.template));
  const keys: DemoPingKey[] = [];
  await lived.at(start, async () => {
    for (const c of checks) {
      const rotated = must(await rotatePingKey(db, admin, { checkId: c.id }, start), `ping key of ${c.name}`);
      const { property, name: check, kind, periodSeconds } = c;
      keys.push({ property, check, kind, periodSeconds, key: rotated.pingKey });
    }
  });
  const keyOf = (property: string, template: string) =>
    keys[checks.findIndex((c) => c.property === property && c.template === template)]!.key;
  const ping = (key: string, at: Date, kind: "SUCCESS" | "START" = "SUCCESS", extra = {}) =>
    receivePing(db, signal(key, kind, extra), at);

  // The nightly backups: each starts at 02:00 and takes 20–30 minutes; the database grows ~0.1 % a night.
  const backups = checks.filter((c) => c.kind === "BACKUP_JOB");
  for (let night = -BACKUP_DAYS + 1; night <= 0; night++) {
    for (const [i, b] of backups.entries()) {
      const late = b.property === LATE_BACKUP.property && night === LATE_BACKUP.days ? LATE_BACKUP.minutesLate : 0;
      // When the check expects the run: 02:00 by its cron, the first 02:00 on the night the clocks go back.
      const [expected] = await db
        .select({ at: monitoringChecks.expectedAt })
        .from(monitoringChecks)
        .where(eq(monitoringChecks.id, b.id));
      const began = expected?.at ?? swedish(now, night, "02:00");
      if (began.getTime() + (late + 40) * MINUTE > now.getTime()) continue;
      const started = new Date(began.getTime() + late * MINUTE);
      const durationMs = (20 + ((night * 7 + i * 3) % 10)) * MINUTE;
      const key = keys[checks.indexOf(b)]!.key;
      const rid = `demo-${night}`;
      await ping(key, started, "START", { runId: rid });
      await ping(key, new Date(started.getTime() + durationMs), "SUCCESS", {
        runId: rid,
        sizeBytes: Math.round((2.1e9 + i * 4e8) * (1 + 0.001 * (night + BACKUP_DAYS))),
        body: `pg_dump ok (${rid})`,
      });
    }
  }

  // The heartbeats, every five minutes for the whole quarter, all but the outage's three hours, given to
  // the ingestion in groups as the HTTP route gives them; the sweeper runs inside the outage, at the
  // moment it would have, so the case is opened then.
  const heartbeats = checks.filter((c) => c.kind === "HEARTBEAT");
  const outageKey = keyOf(OUTAGE.property, OUTAGE.template);
  const outageFrom = +swedish(now, OUTAGE.day, OUTAGE.time);
  const outageTo = outageFrom + OUTAGE.minutes * MINUTE;
  // Once, 45 minutes into the silence (two missed periods and the grace are past): the sweeper finds it DOWN.
  const sweepAt = outageFrom + 45 * MINUTE;
  let pending: { input: PingInput; now: Date }[] = [];
  const flush = async () => {
    await receivePingsInOrder(db, pending);
    pending = [];
  };
  for (let t = +start + HEARTBEAT_PERIOD; t < +now - MINUTE; t += HEARTBEAT_PERIOD) {
    if (t >= sweepAt && t < sweepAt + HEARTBEAT_PERIOD) {
      await flush();
      // The sweeper's pass: the flip, the case, then the incident's first e-mail, as at that moment.
      await lived.at(new Date(sweepAt), async () => {
        await sweepDueChecks(db, new Date(sweepAt));
        await mailIncidents(db, new Date(sweepAt), DEFAULT_INCIDENT_MAIL);
      });
    }
    for (const h of heartbeats) {
      const key = keys[checks.indexOf(h)]!.key;
      if (key === outageKey && t >= outageFrom && t < outageTo) continue;
      if (key === outageKey && t >= outageTo && t < outageTo + HEARTBEAT_PERIOD) {
        // The recovery: the case closes with a note and "åter i drift" goes out, as at that moment.
        await flush();
        await lived.at(new Date(t), async () => {
          await ping(key, new Date(t));
          await mailIncidents(db, new Date(t), DEFAULT_INCIDENT_MAIL);
        });
      } else pending.push({ input: signal(key), now: new Date(t) });
    }
    if (pending.length >= PING_GROUP) await flush();
  }
  await flush();
  return keys;
}
