/** One signal as the route read it from an installation's request. */
export interface PingInput {
  key: string;
  signal: "SUCCESS" | "START" | "FAIL";
  exitCode: number | null;
  runId: string | null;
  durationMs: number | null;
  sizeBytes: number | null;
  body: string | null;
  remoteAddress: string | null;
}
