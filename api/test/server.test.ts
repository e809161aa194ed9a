import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("the HTTP server", () => {
  it("refuses a GET query without a preflight header (CSRF prevention)", async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent("{ tiers { code } }")}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });

  it("does not suggest field names to anonymous callers, but does to logged-in ones", async () => {
    const anonymous = await api.gql(`{ tierz { code } }`);
    expect(anonymous.errors?.[0]?.message).toBe('Cannot query field "tierz" on type "Query".');
    const token = await api.login("admin@aptus.demo");
    const known = await api.gql(`{ tierz { code } }`, {}, token);
    expect(known.errors?.[0]?.message).toMatch(/Did you mean "tiers"/);
  });

  it("refuses a query nested too deep", async () => {
    const token = await api.login("admin@aptus.demo");
    let q = "id";
    for (let i = 0; i < 8; i++) q = `users { edges { node { organisation { ${q} } } } }`.replace("{ id }", "{ id }");
    const r = await api.gql(`{ organisations { edges { node { ${q} } } } }`, {}, token);
    expect(r.errors?.[0]?.message).toMatch(/depth|cost/i);
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: tiers { code }`).join(" ");
    const r = await api.gql(`{ ${aliases} }`);
    expect(r.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("answers the tiers publicly, from the tiers table", async () => {
    const r = await api.gql(`{ tiers { code name annualVisit includedHanteraAccounts } }`);
    expect(r.data.tiers).toEqual([
      { code: "PLUS_500", name: "500+", annualVisit: true, includedHanteraAccounts: 10 },
      { code: "BRF", name: "BRF", annualVisit: false, includedHanteraAccounts: 5 },
    ]);
  });
});

describe("/healthz", () => {
  it("answers 200 while the database answers, and 503 when it is gone", async () => {
    const up = await fetch(`${api.url}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ok", database: "up" });
    await api.admin.unsafe(`drop database ${api.databaseName} with (force)`);
    const down = await fetch(`${api.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", database: "down" });
  });
});
