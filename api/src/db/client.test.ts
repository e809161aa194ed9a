import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isDriverSocketRace } from "./client.js";

function driverRace(): TypeError {
  const e = new TypeError("Cannot read properties of null (reading 'write')");
  e.stack = `${e.message}\n    at nextWrite (/app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)`;
  return e;
}

describe("telling a database outage from a bug", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    [
      "postgres.js losing its connection",
      Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }),
    ],
    [
      "PostgreSQL shutting down",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ],
    ["a connection exception class 08", Object.assign(new Error("connection failure"), { code: "08006" })],
    [
      "drizzle's wrapper around one",
      Object.assign(new Error("Failed query: select 1"), { cause: Object.assign(new Error("x"), { code: "57P03" }) }),
    ],
    ["the driver's socket race", driverRace()],
  ])("%s is an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["the same message from our own code", new TypeError("Cannot read properties of null (reading 'write')")],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDriverSocketRace(error)).toBe(false);
  });
});
