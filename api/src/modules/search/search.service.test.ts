import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { agreements, organisations } from "../../db/schema/index.js";
import { seedDemo } from "../../seed/demo.js";
import { addDaysIso, todayInSweden } from "../../shared/dates.js";
import type { Viewer } from "../../shared/viewer.js";
import { freshDatabase, okOf } from "../../test-support.js";
import { systemViewerOf } from "../access/access.service.js";
import { createAgreement, findAgreement } from "../agreements/agreement.service.js";
import { createUser, findOrganisation, findProperty, listProperties } from "../parties/party.service.js";
import { search, SEARCH_CANDIDATES, type SearchHit } from "./search.service.js";

let database: Database;
const viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
  for (const email of [
    "admin@aptus.demo",
    "sara.saljare@aptus.demo",
    "petra@nordsak.demo",
    "lars@lasteknikvast.demo",
    "karin@vastkustfast.demo",
    "britt@brfkastanjen.demo",
  ]) {
    viewers[email] = (await systemViewerOf(database.db, email))!;
  }
});
afterAll(() => database.close());

const as = (email: string) => viewers[email]!;
const titles = (hits: SearchHit[]) => hits.map((h) => h.title);

describe("search finds things despite typos, case and å/ä/ö", () => {
  it("finds Västkustens Fastigheter from 'vastkust', with its agreements", async () => {
    const hits = await search(database.db, as("admin@aptus.demo"), { query: "vastkust" });
    expect(hits[0]).toMatchObject({
      kind: "ORGANISATION",
      title: "Västkustens Fastigheter AB",
      subtitle: "556901-2346",
      organisationKind: "CUSTOMER",
    });
    expect(hits.filter((h) => h.kind === "AGREEMENT").map((h) => h.subtitle)).toEqual([
      "Västkustens Fastigheter AB",
      "Västkustens Fastigheter AB",
    ]);
  });

  it("finds Brf Kastanjen and its property from 'kastanj'", async () => {
    const hits = await search(database.db, as("admin@aptus.demo"), { query: "kastanj" });
    expect(hits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "ORGANISATION", title: "Brf Kastanjen" }),
        expect.objectContaining({
          kind: "PROPERTY",
          title: "Kastanjen 1",
          subtitle: "Kastanjegatan 5, 431 37 Mölndal",
        }),
      ]),
    );
  });

  it("tolerates a misspelt letter", async () => {
    expect(titles(await search(database.db, as("admin@aptus.demo"), { query: "masthuget" }))).toContain(
      "Kv. Masthugget 4",
    );
    expect(titles(await search(database.db, as("admin@aptus.demo"), { query: "Eriksbrg" }))).toContain("Eriksberg Kaj");
  });

  it("finds a property by its address and an organisation by its number, with or without the dash", async () => {
    expect(titles(await search(database.db, as("admin@aptus.demo"), { query: "mariaplan" }))).toEqual([
      "Kv. Kungsladugård 7",
    ]);
    for (const query of ["5569012346", "556901-2346", "9012346"]) {
      expect(titles(await search(database.db, as("admin@aptus.demo"), { query }))[0]).toBe(
        "Västkustens Fastigheter AB",
      );
    }
  });

  it("finds an agreement by its number, the exact one first", async () => {
    // The demo numbers each agreement in the year it was drawn up: take the oldest year's first.
    const [{ number }] = (await database.db
      .select({ number: agreements.number })
      .from(agreements)
      .orderBy(agreements.number)
      .limit(1)) as [{ number: string }];
    expect(number).toMatch(/^TA-\d{4}-0001$/);
    const all = await search(database.db, as("admin@aptus.demo"), { query: number.toLowerCase() });
    expect(all[0]).toMatchObject({ kind: "AGREEMENT", title: expect.stringMatching(/^TA-\d{4}-0001$/), score: 1 });
  });

  it("answers nothing rather than noise for a word that is nowhere", async () => {
    expect(await search(database.db, as("admin@aptus.demo"), { query: "zebrakorsning" })).toEqual([]);
  });

  it("returns at most `first` results, best first", async () => {
    const hits = await search(database.db, as("admin@aptus.demo"), { query: "göteborg", first: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });
});

describe("search shows each viewer only what it may see", () => {
  /** Every hit must be something `node(id)` would give this viewer too. */
  async function visible(viewer: Viewer, hit: SearchHit): Promise<boolean> {
    const clock = { today: todayInSweden(), windowDays: 60 };
    if (hit.kind === "AGREEMENT") return (await findAgreement(database.db, viewer, hit.id, clock)) !== null;
    if (hit.kind === "ORGANISATION") return (await findOrganisation(database.db, viewer, hit.id)) !== null;
    return (await findProperty(database.db, viewer, hit.id)) !== null;
  }

  const broad = ["ab", "brf", "kv", "göteborg", "ta-", "gatan", "strand", "55", "76"];

  it.each([
    "sara.saljare@aptus.demo",
    "petra@nordsak.demo",
    "lars@lasteknikvast.demo",
    "karin@vastkustfast.demo",
    "britt@brfkastanjen.demo",
  ])("%s gets only things it may open", async (email) => {
    let seen = 0;
    for (const query of broad) {
      for (const hit of await search(database.db, as(email), { query, first: 50 })) {
        seen++;
        expect({ query, hit, visible: await visible(as(email), hit) }).toMatchObject({ visible: true });
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("a customer finds its own things but nothing of another customer", async () => {
    expect(titles(await search(database.db, as("karin@vastkustfast.demo"), { query: "masthugget" }))).toEqual([
      "Kv. Masthugget 4",
    ]);
    expect(await search(database.db, as("karin@vastkustfast.demo"), { query: "kastanjen" })).toEqual([]);
    expect(await search(database.db, as("karin@vastkustfast.demo"), { query: "769623-4561" })).toEqual([]);
    expect(titles(await search(database.db, as("britt@brfkastanjen.demo"), { query: "kastanj" }))).toContain(
      "Brf Kastanjen",
    );
    expect(await search(database.db, as("britt@brfkastanjen.demo"), { query: "vastkust" })).toEqual([]);
  });

  it("a partner finds the customers it serves, not the others", async () => {
    expect(titles(await search(database.db, as("petra@nordsak.demo"), { query: "vastkust" }))).toContain(
      "Västkustens Fastigheter AB",
    );
    expect(await search(database.db, as("petra@nordsak.demo"), { query: "alvstranden" })).toEqual([]);
    expect(titles(await search(database.db, as("lars@lasteknikvast.demo"), { query: "alvstranden" }))).toContain(
      "Älvstrandens Hyresbostäder AB",
    );
    expect(await search(database.db, as("lars@lasteknikvast.demo"), { query: "linnegatan" })).toEqual([]);
  });

  it("a seller finds every organisation but only the agreements he is responsible for; an admin finds all", async () => {
    const admin = as("admin@aptus.demo");
    const britt = as("britt@brfkastanjen.demo");
    const sven = okOf(
      await createUser(database.db, admin, {
        organisationId: admin.organisationId,
        name: "Sven Säljare",
        email: "sven@aptus.demo",
        role: "SELLER",
        password: "svens-long-password",
      }),
    );
    const [kastanjen] = (await listProperties(database.db, admin, { customerId: britt.organisationId }, { first: 1 }))
      .edges;
    const today = todayInSweden();
    const svens = okOf(
      await createAgreement(
        database.db,
        admin,
        {
          customerId: britt.organisationId,
          partnerId: null,
          sellerId: sven.id,
          tier: "BRF",
          propertyIds: [kastanjen!.node.id],
          startsOn: addDaysIso(today, 400),
          endsOn: addDaysIso(today, 765),
        },
        { today, windowDays: 60 },
      ),
    );
    const agreementsFound = async (viewer: Viewer) =>
      (await search(database.db, viewer, { query: svens.number }))
        .filter((h) => h.kind === "AGREEMENT")
        .map((h) => h.title);

    expect(await agreementsFound(admin)).toContain(svens.number);
    expect(await agreementsFound((await systemViewerOf(database.db, "sven@aptus.demo"))!)).toEqual([svens.number]);
    expect(await agreementsFound(as("sara.saljare@aptus.demo"))).not.toContain(svens.number);
    expect(titles(await search(database.db, as("sara.saljare@aptus.demo"), { query: "kastanj" }))).toContain(
      "Brf Kastanjen",
    );
  });
});

describe("search refuses what cannot be a search", () => {
  it.each([
    ["", "QUERY_EMPTY"],
    ["   ", "QUERY_EMPTY"],
    ["x".repeat(500), "QUERY_TOO_LONG"],
    ["kast\u0000anj", "QUERY_CONTROL_CHARACTERS"],
    ["kast\tanj", "QUERY_CONTROL_CHARACTERS"],
    ["kast\u009banj", "QUERY_CONTROL_CHARACTERS"],
  ])("%j → BAD_USER_INPUT %s", async (query, reason) => {
    await expect(search(database.db, as("admin@aptus.demo"), { query })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", reason, field: "query" },
    });
  });

  it.each([0, -1, 51])("first: %d → BAD_USER_INPUT", async (first) => {
    await expect(search(database.db, as("admin@aptus.demo"), { query: "ab", first })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", reason: "FIRST_OUT_OF_RANGE" },
    });
  });

  it("treats % and _ as letters, not wildcards", async () => {
    expect(await search(database.db, as("admin@aptus.demo"), { query: "%" })).toEqual([]);
    expect(await search(database.db, as("admin@aptus.demo"), { query: "_" })).toEqual([]);
  });
});

describe("search past the candidates it ranks", () => {
  it("still shows the first names that start with the query when more than SEARCH_CANDIDATES do", async () => {
    // Luhn-valid organisation numbers of the 16xxxx series, which the demo does not use.
    const numbered = (n: number) => {
      const nine = `16${String(n).padStart(7, "0")}`;
      const sum = [...nine].reduce((s, d, i) => s + (i % 2 === 0 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][+d]! : +d), 0);
      const ten = `${nine}${(10 - (sum % 10)) % 10}`;
      return `${ten.slice(0, 6)}-${ten.slice(6)}`;
    };
    const names = Array.from(
      { length: SEARCH_CANDIDATES + 20 },
      (_, i) => `Brf Lönnen ${String(i + 1).padStart(3, "0")}`,
    );
    // The one that is exactly the query is registered last, so an arbitrary first few hundred leave it out.
    names.push("Brf Lönnen");
    await database.db
      .insert(organisations)
      .values(names.map((name, i) => ({ kind: "CUSTOMER" as const, name, organisationNumber: numbered(i + 1) })));
    const hits = await search(database.db, as("admin@aptus.demo"), { query: "brf lonnen", first: 3 });
    expect(titles(hits)).toEqual(["Brf Lönnen", "Brf Lönnen 001", "Brf Lönnen 002"]);
  });
});
