import pino from "pino";

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: "trygg-api" },
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"], remove: true },
  });
}

export type Logger = pino.Logger;
