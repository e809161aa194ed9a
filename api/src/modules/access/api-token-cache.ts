import type { Viewer } from "../../shared/viewer.js";

/**
 * How long a looked-up API token is believed without asking the database again, unless `API_TOKEN_CACHE_SECONDS` says
 * otherwise.
 */
export const DEFAULT_API_TOKEN_CACHE_SECONDS = 30;
/** Bounds the memory: past this many tokens the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

type CachedViewer = Omit<Viewer, "requestId">;

interface Entry {
  viewer: CachedViewer;
  /** Epoch ms: the earlier of the cache's time limit and the token's own expiry. */
  until: number;
}

/**
 * The viewers behind API tokens, kept for a few seconds. A partner's nightly job sends thousands of
 * requests with one token; looking it up (and its organisation and user) for each of them was a
 * statement per request. Revoking a token, deactivating its user or changing the user's role in
 * this process forgets it at once; another API process behind the same load balancer notices
 * within the time limit (docs/decisions/0032-api-token-cache.md). Sessions are not cached: a log-out
 * takes effect everywhere at once.
 */
export class ApiTokenCache {
  private entries = new Map<string, Entry>();
  /** Bumped by every forget: a lookup that began before it must not store what it read. */
  private generation = 0;

  constructor(private ttlMs: number) {}

  /** 0 turns the cache off: every request looks its token up. */
  setSeconds(seconds: number): void {
    this.ttlMs = seconds * 1000;
    this.entries.clear();
  }

  get(tokenHash: string, now: number): CachedViewer | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.viewer;
  }

  /** Call before reading the token from the database; hand the answer to `store`. */
  begin(): number {
    return this.generation;
  }

  store(
    tokenHash: string,
    viewer: CachedViewer,
    lookup: { generation: number; now: number; tokenExpiresAt: Date | null },
  ): void {
    if (this.ttlMs <= 0 || lookup.generation !== this.generation) return;
    const until = Math.min(lookup.now + this.ttlMs, lookup.tokenExpiresAt?.getTime() ?? Infinity);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { viewer, until });
  }

  /** After a token was revoked (call once the change is committed). */
  forgetToken(apiTokenId: string): void {
    this.forget((v) => v.apiTokenId === apiTokenId);
  }

  /** After a user's access changed: deactivated, another role (call once the change is committed). */
  forgetUser(userId: string): void {
    this.forget((v) => v.userId === userId);
  }

  clear(): void {
    this.forget(() => true);
  }

  private forget(match: (v: CachedViewer) => boolean): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (match(entry.viewer)) this.entries.delete(hash);
  }
}

/** One per process: revocations in any part of this process reach it. */
export const apiTokenCache = new ApiTokenCache(DEFAULT_API_TOKEN_CACHE_SECONDS * 1000);
