/**
 * Which e-mail an incident is due now: Alertmanager's group_wait and repeat_interval, measured on the
 * outage's own clock (its start and its recovery), so what is sent does not depend on when or how
 * often a sweeper looked. A pure rule; incident-mailer.ts writes and queues what it answers.
 */
export interface IncidentMailSettings {
  /** No mail before an outage has lasted this long: a blip that heals within it sends nothing. */
  waitMs: number;
  /** One "still down" reminder per this interval after the first mail; 0 sends none. */
  reminderMs: number;
}

export type IncidentMailOccasion = "STARTED" | "REMINDER" | "RECOVERED";
export interface SentIncidentMail {
  occasion: IncidentMailOccasion;
  /** The reminder's number; 0 for the others. */
  sequence: number;
}

export function dueIncidentMail(
  incident: { startedAt: Date; resolvedAt: Date | null },
  sent: readonly SentIncidentMail[],
  now: Date,
  settings: IncidentMailSettings,
): SentIncidentMail | null {
  const has = (o: IncidentMailOccasion) => sent.some((s) => s.occasion === o);
  const firstAt = incident.startedAt.getTime() + settings.waitMs;
  if (incident.resolvedAt) {
    if (has("RECOVERED")) return null;
    // Mailed before, or down longer than the wait though nobody looked in time: the back-up mail tells the whole story.
    if (has("STARTED") || incident.resolvedAt.getTime() >= firstAt) return { occasion: "RECOVERED", sequence: 0 };
    return null;
  }
  if (now.getTime() < firstAt) return null;
  if (!has("STARTED")) return { occasion: "STARTED", sequence: 0 };
  if (settings.reminderMs <= 0) return null;
  // The latest reminder only: a sweeper back after days sends one, not one per interval it missed.
  const due = Math.floor((now.getTime() - firstAt) / settings.reminderMs);
  const last = Math.max(0, ...sent.filter((s) => s.occasion === "REMINDER").map((s) => s.sequence));
  return due > last ? { occasion: "REMINDER", sequence: due } : null;
}
