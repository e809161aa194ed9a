/** Types for the test cluster helper, so TypeScript tests can start their own cluster. */
export interface Cluster {
  url: string;
  binDir: string;
  halt(mode?: "smart" | "fast" | "immediate"): void;
  resume(): void;
  stop(): void;
}
export function ensurePostgres(): string;
export function startCluster(): Promise<Cluster>;
