import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementStatus } from "../src/modules/agreements/agreement-status.js";
import { addDaysIso, todayInSweden } from "../src/shared/dates.js";
import { rowsOf } from "../src/shared/table-rows.js";
import { startTestApi, type TestApi } from "./support.js";

/** Issue 22: partners sync incrementally with `updatedSince` instead of reading everything every night. */
let api: TestApi;
let karin: string;
let tomas: string;
let admin: string;
let petra: string;
let lars: string;

beforeAll(async () => {
  api = await startTestApi();
  karin = await api.login("karin@vastkustfast.demo");
  tomas = await api.login("tomas.tekniker@aptus.demo");
  admin = await api.login("admin@aptus.demo");
  petra = await api.login("petra@nordsak.demo");
  lars = await api.login("lars@lasteknikvast.demo");
});
afterAll(() => api?.close());

const ids = (r: { data: Record<string, { edges: { node: { id: string } }[] }> }, list: string) =>
  r.data[list]!.edges.map((e) => e.node.id);

describe("updatedSince", () => {
  it("answers nothing changed right after a sync, then exactly what a write touched — the whole through its parts", async () => {
    const since = new Date().toISOString();
    const read = async () => ({
      agreements: ids(
        await api.gql(
          `query($s: DateTime!) { agreements(first: 100, filter: { updatedSince: $s }) { edges { node { id } } } }`,
          { s: since },
          karin,
        ),
        "agreements",
      ),
      properties: ids(
        await api.gql(
          `query($s: DateTime!) { properties(first: 100, filter: { updatedSince: $s }) { edges { node { id } } } }`,
          { s: since },
          karin,
        ),
        "properties",
      ),
      supportCases: ids(
        await api.gql(
          `query($s: DateTime!) { supportCases(first: 100, filter: { updatedSince: $s }) { edges { node { id } } } }`,
          { s: since },
          karin,
        ),
        "supportCases",
      ),
    });
    expect(await read()).toEqual({ agreements: [], properties: [], supportCases: [] });

    // A licence rental is a part of its agreement: renting one moves the agreement.
    const list = await api.gql(
      `{ agreements(first: 10) { edges { node { id status endsOn updatedAt } } } }`,
      {},
      karin,
    );
    const agreement = list.data.agreements.edges
      .map((e: any) => e.node)
      .find((n: any) => n.status === "ACTIVE" || n.status === "EXPIRING");
    const rented = await api.gql(
      `mutation($i: RentLicenceInput!) { rentLicence(input: $i) { userErrors { code } } }`,
      {
        i: {
          agreementId: agreement.id,
          kind: "BOOKING",
          quantity: 1,
          startsOn: todayInSweden(),
          endsOn: agreement.endsOn,
        },
      },
      karin,
    );
    expect(rented.data.rentLicence.userErrors).toEqual([]);
    // A message is a part of its case: the support side's reply moves the case.
    const cases = await api.gql(
      `{ supportCases(first: 1, filter: { status: [OPEN] }) { edges { node { id } } } }`,
      {},
      karin,
    );
    const caseId = cases.data.supportCases.edges[0].node.id;
    const replied = await api.gql(
      `mutation($i: ReplyToSupportCaseInput!) { replyToSupportCase(input: $i) { userErrors { code } } }`,
      { i: { caseId, body: "Vi tittar på det." } },
      tomas,
    );
    expect(replied.data.replyToSupportCase.userErrors).toEqual([]);

    expect(await read()).toEqual({ agreements: [agreement.id], properties: [], supportCases: [caseId] });
    const after = await api.gql(`query($id: ID!) { agreement(id: $id) { updatedAt } }`, { id: agreement.id }, karin);
    expect(Date.parse(after.data.agreement.updatedAt)).toBeGreaterThan(Date.parse(since));
  });

  it("answers the visits written since the mark, each partner only its own", async () => {
    const VISITS = `query($s: DateTime) { serviceVisits(first: 100, filter: { updatedSince: $s }) {
      edges { node { id state version property { name } } } } }`;
    const visits = async (token: string, s: string | null) => {
      const r = await api.gql(VISITS, { s }, token);
      expect(r.errors).toBeUndefined();
      return r.data.serviceVisits.edges.map((e: any) => e.node);
    };
    const since = new Date().toISOString();
    expect([await visits(petra, since), await visits(lars, since)]).toEqual([[], []]);

    // Låsteknik Väst's booked visit at Stigberget gets a check; its completed ones are left alone.
    const larsAll = await visits(lars, null);
    const stigberget = larsAll.filter((v: any) => v.property.name === "Kv. Stigberget 2");
    const booked = stigberget.find((v: any) => v.state === "BOOKED");
    expect(stigberget.filter((v: any) => v.state === "COMPLETED").length).toBeGreaterThan(0);
    const checked = await api.gql(
      `mutation($i: RecordVisitChecksInput!) { recordVisitChecks(input: $i) { userErrors { code } } }`,
      { i: { visitId: booked.id, expectedVersion: booked.version, checks: [{ kind: "ROUTINES", result: "OK" }] } },
      tomas,
    );
    expect(checked.data.recordVisitChecks.userErrors).toEqual([]);
    // A visit booked for Nordsäk's agreement at Kv. Masthugget 4.
    const list = await api.gql(
      `{ agreements(first: 100) { edges { node { id status properties { id name } } } } }`,
      {},
      admin,
    );
    const masthugget = list.data.agreements.edges
      .map((e: any) => e.node)
      .find((a: any) => a.status === "ACTIVE" && a.properties.some((p: any) => p.name === "Kv. Masthugget 4"));
    const technicianId = (await api.gql(`{ viewer { user { id } } }`, {}, tomas)).data.viewer.user.id;
    const scheduled = await api.gql(
      `mutation($i: ScheduleServiceVisitInput!) { scheduleServiceVisit(input: $i) {
        serviceVisit { id } userErrors { code } } }`,
      {
        i: {
          agreementId: masthugget.id,
          propertyId: masthugget.properties.find((p: any) => p.name === "Kv. Masthugget 4").id,
          technicianId,
          scheduledAt: `${addDaysIso(todayInSweden(), 2)}T07:00:00Z`,
        },
      },
      admin,
    );
    expect(scheduled.data.scheduleServiceVisit.userErrors).toEqual([]);
    const nordsakVisit = scheduled.data.scheduleServiceVisit.serviceVisit.id;

    expect((await visits(lars, since)).map((v: any) => v.id)).toEqual([booked.id]);
    expect((await visits(petra, since)).map((v: any) => v.id)).toEqual([nordsakVisit]);
    expect((await visits(admin, since)).map((v: any) => v.id).sort()).toEqual([booked.id, nordsakVisit].sort());
  });

  it("finds an agreement whose status the calendar changed, though nothing was written", async () => {
    // Nothing written for a year: only the calendar can have changed anything since 60 days ago.
    await api.database.db.execute(sql`update agreements set updated_at = now() - interval '1 year'`);
    const since = new Date(Date.now() - 60 * 86_400_000);
    const all = await api.gql(
      `{ agreements(first: 100) { totalCount edges { node { id status startsOn endsOn terminatedOn activatedAt } } } }`,
      {},
      tomas,
    );
    expect(all.data.agreements.totalCount).toBeLessThanOrEqual(100); // all of them on this one page
    const then = addDaysIso(todayInSweden(), -60);
    const expected = all.data.agreements.edges
      .map((e: any) => e.node)
      .filter((a: any) => {
        const facts = {
          activatedAt: a.activatedAt ? new Date(a.activatedAt) : null,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          terminatedOn: a.terminatedOn,
        };
        return agreementStatus(facts, then, 60) !== a.status;
      })
      .map((a: any) => a.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const changed = await api.gql(
      `query($s: DateTime!) { agreements(first: 100, filter: { updatedSince: $s }) { edges { node { id } } } }`,
      { s: since.toISOString() },
      tomas,
    );
    expect(ids(changed, "agreements").sort()).toEqual(expected);
  });

  it("keeps an updatedAt a write sets itself, and moves one it leaves alone", async () => {
    const [row] = rowsOf(
      await api.database.db.execute(
        sql`update properties set updated_at = '2001-01-01T00:00:00Z' where id = (select id from properties limit 1) returning id, updated_at`,
      ),
    );
    expect(new Date(row!.updated_at as string).toISOString()).toBe("2001-01-01T00:00:00.000Z");
    const [moved] = rowsOf(
      await api.database.db.execute(
        sql`update properties set apartments = apartments where id = ${row!.id} returning updated_at`,
      ),
    );
    expect(new Date(moved!.updated_at as string).getTime()).toBeGreaterThan(Date.parse("2020-01-01"));
  });

  it("moves the whole when only a part is written: a rental, a visit's check, a case's pause", async () => {
    const touched = async (part: string, parent: string, column: string) => {
      await api.database.db.execute(sql.raw(`update ${parent} set updated_at = '2001-01-01T00:00:00Z'`));
      const [p] = rowsOf(await api.database.db.execute(sql.raw(`select ${column} as id from ${part} limit 1`)));
      await api.database.db.execute(sql.raw(`update ${part} set ${column} = ${column} where ${column} = '${p!.id}'`));
      const [row] = rowsOf(
        await api.database.db.execute(sql.raw(`select updated_at from ${parent} where id = '${p!.id}'`)),
      );
      return new Date(row!.updated_at as string).getUTCFullYear();
    };
    expect(await touched("licence_rentals", "agreements", "agreement_id")).toBeGreaterThan(2001);
    expect(await touched("visit_checks", "service_visits", "visit_id")).toBeGreaterThan(2001);
    expect(await touched("support_case_pauses", "support_cases", "case_id")).toBeGreaterThan(2001);
  });
});
