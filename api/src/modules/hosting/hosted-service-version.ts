import { isBehind } from "../releases/index.js";

/** One recorded update, as far as the current version is concerned. */
export interface VersionStep {
  versionAfter: string;
  updatedAt: Date;
  createdAt: Date;
}

/**
 * The version a hosted service runs now: the version after its latest update, by when it was done
 * (an update recorded late for an earlier day does not undo a later one). Null before any update.
 */
export function currentVersion(updates: readonly VersionStep[]): string | null {
  let latest: VersionStep | null = null;
  for (const u of updates) {
    const later =
      !latest ||
      u.updatedAt.getTime() > latest.updatedAt.getTime() ||
      (u.updatedAt.getTime() === latest.updatedAt.getTime() && u.createdAt.getTime() > latest.createdAt.getTime());
    if (later) latest = u;
  }
  return latest?.versionAfter ?? null;
}

/** A hosted service against the latest release of its product: "alltid senast version", measured. */
export interface ServiceStanding {
  runningVersion: string | null;
  latestVersion: string | null;
  latestReleasedOn: string | null;
  /** Behind the latest release. A service whose version nobody recorded is unknown, not outdated. */
  outdated: boolean;
}

export function serviceStanding(
  runningVersion: string | null,
  latest: { version: string; releasedOn: string } | null | undefined,
): ServiceStanding {
  return {
    runningVersion,
    latestVersion: latest?.version ?? null,
    latestReleasedOn: latest?.releasedOn ?? null,
    outdated: !!runningVersion && !!latest && isBehind(runningVersion, latest.version),
  };
}

/** Two versions that name the same release ("5.12" and "5.12.0"): an update between them changed nothing. */
export function sameVersion(a: string, b: string): boolean {
  return a.trim() === b.trim() || (!isBehind(a, b) && !isBehind(b, a));
}

export const VERSION_SHAPE = /^\d+(\.\d+){0,2}$/;
