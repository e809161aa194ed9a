import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { emailOutbox } from "../src/db/schema/index.js";
import { applyAutoRenewals } from "../src/modules/renewals/index.js";
import { noticeClosesOn } from "../src/modules/renewals/auto-renewal-terms.js";
import { addDaysIso, todayInSweden } from "../src/shared/dates.js";
import { DEMO_EMAILS, startTestApi, uuidOf, type TestApi } from "./support.js";

/**
 * Issue 21's automatic renewal over HTTP and PostgreSQL: who may set it and say no, across tenants, and the job run
 * by two processes at the same instant (two connection pools on one database) and again after a restart.
 */
let api: TestApi;
const tokens: Record<string, string> = {};
const settings = { noticeMailDays: 30, portalUrl: "https://trygg.example" };
const today = todayInSweden();

beforeAll(async () => {
  api = await startTestApi();
  for (const who of ["admin", "karin", "eva", "petra"] as const) tokens[who] = await api.login(DEMO_EMAILS[who]);
  tokens.sara = await api.login("sara.saljare@aptus.demo");
});
afterAll(() => api?.close());

const SET = `mutation($i: SetAutoRenewalInput!) { setAutoRenewal(input: $i) {
  agreement { id autoRenewal { noticeMonths renewsOn lastDayToRefuse refusedAt viewerCanRefuse } } userErrors { code } } }`;
const REFUSE = `mutation($i: RefuseAutoRenewalInput!) { refuseAutoRenewal(input: $i) {
  agreement { autoRenewal { refusedAt refusedBy { name } } } userErrors { code } } }`;

/** The first active agreement a customer's admin sees, its end moved to a number of days from today. */
async function agreementOf(who: "karin" | "eva", endsIn: number) {
  const list = await api.gql(
    `{ agreements(first: 20, filter: { status: [ACTIVE, EXPIRING] }) { edges { node { id } } } }`,
    {},
    tokens[who]!,
  );
  const id: string = list.data.agreements.edges[0].node.id;
  const endsOn = addDaysIso(today, endsIn);
  // The demo's periods end on various days; the test needs a known end.
  await api.database.db.execute(sql`update agreement_periods set ends_on = ${endsOn}::date
    where agreement_id = ${uuidOf(id)}
      and ends_on = (select max(ends_on) from agreement_periods where agreement_id = ${uuidOf(id)})`);
  return { id, endsOn };
}

describe("automatic renewal through the API", () => {
  it("is set by the seller, refused by neither a partner nor another customer's admin, and said no to by Karin", async () => {
    const a = await agreementOf("karin", 200);
    const set = await api.gql(SET, { i: { agreementId: a.id, noticeMonths: 3 } }, tokens.sara);
    expect(set.data.setAutoRenewal.userErrors).toEqual([]);
    const closes = noticeClosesOn(a.endsOn, 3);
    expect(set.data.setAutoRenewal.agreement.autoRenewal).toEqual({
      noticeMonths: 3,
      renewsOn: closes,
      lastDayToRefuse: addDaysIso(closes, -1),
      refusedAt: null,
      viewerCanRefuse: true,
    });
    const byCustomer = await api.gql(SET, { i: { agreementId: a.id, noticeMonths: 2 } }, tokens.karin);
    expect(byCustomer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byPartner = await api.gql(REFUSE, { i: { agreementId: a.id } }, tokens.petra);
    expect(byPartner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await api.gql(REFUSE, { i: { agreementId: a.id } }, tokens.eva);
    expect(byOther.data.refuseAutoRenewal.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    const no = await api.gql(REFUSE, { i: { agreementId: a.id, reason: "Vi byter leverantör" } }, tokens.karin);
    expect(no.data.refuseAutoRenewal.userErrors).toEqual([]);
    expect(no.data.refuseAutoRenewal.agreement.autoRenewal.refusedBy.name).toBe("Karin Fastighetschef");
    expect((await applyAutoRenewals(api.database.db, new Date(`${closes}T10:00:00Z`), settings)).renewed).toBe(0);
  });

  it("renews once when two processes run the job at the same instant, and not again after a restart", async () => {
    const a = await agreementOf("eva", 150);
    expect(
      (await api.gql(SET, { i: { agreementId: a.id, noticeMonths: 2 } }, tokens.sara)).data.setAutoRenewal.userErrors,
    ).toEqual([]);
    const at = new Date(`${noticeClosesOn(a.endsOn, 2)}T10:00:00Z`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${api.databaseName}`;
    const open = () => openDatabase({ url: url.toString(), postgres: { poolSize: 4 } });
    const [p1, p2] = await Promise.all([open(), open()]);
    // Ten days before: the advance notice, at the same instant in both processes.
    const before = new Date(at.getTime() - 10 * 86_400_000);
    const notices = await Promise.all([
      applyAutoRenewals(p1.db, before, settings),
      applyAutoRenewals(p2.db, before, settings),
    ]);
    expect(notices.reduce((n, r) => n + r.noticed, 0)).toBe(1);
    // A third connection holds the agreement while both processes start, so both find it due before either acts.
    const holder = await open();
    let runs: Awaited<ReturnType<typeof applyAutoRenewals>>[];
    try {
      let both!: Promise<typeof runs>;
      await holder.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from agreements where id = ${uuidOf(a.id)} for update`);
        both = Promise.all([applyAutoRenewals(p1.db, at, settings), applyAutoRenewals(p2.db, at, settings)]);
        await new Promise((r) => setTimeout(r, 500));
      });
      runs = await both;
    } finally {
      await Promise.all([p1.close(), p2.close(), holder.close()]);
    }
    expect(runs.reduce((n, r) => n + r.renewed, 0)).toBe(1);
    const restarted = await open();
    try {
      expect((await applyAutoRenewals(restarted.db, at, settings)).renewed).toBe(0);
    } finally {
      await restarted.close();
    }
    const after = await api.gql(
      `query($id: ID!) { agreement(id: $id) { periods { startsOn endsOn } autoRenewal { renewsOn } } }`,
      { id: a.id },
      tokens.eva,
    );
    expect(after.data.agreement.periods.at(-1).startsOn).toBe(addDaysIso(a.endsOn, 1));
    const mails = await api.database.db
      .select({ to: emailOutbox.toAddress })
      .from(emailOutbox)
      .where(like(emailOutbox.subject, "% är förnyat automatiskt"));
    expect(mails.map((m) => m.to)).toEqual(["eva@alvstranden.demo"]);
    const noticeMails = await api.database.db
      .select({ to: emailOutbox.toAddress })
      .from(emailOutbox)
      .where(like(emailOutbox.subject, "% förnyas automatiskt %"));
    expect(noticeMails.map((m) => m.to)).toEqual(["eva@alvstranden.demo"]);
  });
});
