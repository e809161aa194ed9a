import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { startServer } from "../src/server.js";
import { startTestApi, type TestApi } from "./support.js";

/*
 * Attachments of support cases: their bytes leave by a download URL (not inline in lists), the
 * query cost refuses byte fields in pages, and quotas and a rate limit bound what anyone may upload.
 */

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const HTML = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>\n");
const text = (kb: number) => Buffer.alloc(kb * 1024, "A").toString("base64");
const file = (fileName: string, bytes: Buffer | string) => ({
  fileName,
  contentBase64: typeof bytes === "string" ? bytes : bytes.toString("base64"),
});

const OPEN = `mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) {
  supportCase { id attachments { id fileName downloadFileName downloadUrl contentType } } userErrors { code field message } } }`;
const REPLY = `mutation($i: ReplyToSupportCaseInput!) { replyToSupportCase(input: $i) {
  message { id attachments { id downloadUrl } } userErrors { code field message } } }`;
const STATUS = `mutation($i: SetSupportCaseStatusInput!) { setSupportCaseStatus(input: $i) { userErrors { code } } }`;

const USERS = {
  tomas: "tomas.tekniker@aptus.demo",
  petra: "petra@nordsak.demo",
  karin: "karin@vastkustfast.demo",
  kalle: "kalle@vastkustfast.demo",
  eva: "eva@alvstranden.demo",
  bo: "bo@brflinne.demo",
  britt: "britt@brfkastanjen.demo",
  hanna: "hanna@hisingen.demo",
  maja: "maja@majvik.demo",
};

async function logins(api: TestApi, who: (keyof typeof USERS)[]) {
  const token: Record<string, string> = {};
  for (const k of who) token[k] = await api.login(USERS[k]);
  return token;
}

async function openCase(api: TestApi, token: string, attachments: { fileName: string; contentBase64: string }[]) {
  const r = await api.gql(
    OPEN,
    { i: { category: "TECHNICAL", subject: "Loggar", description: "Se bifogat.", attachments } },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data.openSupportCase as {
    supportCase: {
      id: string;
      attachments: {
        id: string;
        fileName: string;
        downloadFileName: string;
        downloadUrl: string;
        contentType: string;
      }[];
    } | null;
    userErrors: { code: string; field: string[]; message: string }[];
  };
}

async function reply(
  api: TestApi,
  token: string,
  caseId: string,
  attachments: { fileName: string; contentBase64: string }[],
  internal = false,
) {
  const r = await api.gql(REPLY, { i: { caseId, body: "Mer loggar.", internal, attachments } }, token);
  expect(r.errors).toBeUndefined();
  return r.data.replyToSupportCase as {
    message: { id: string; attachments: { id: string; downloadUrl: string }[] } | null;
    userErrors: { code: string; field: string[]; message: string }[];
  };
}

describe("attachment downloads and the query cost", () => {
  let api: TestApi;
  let token: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi();
    token = await logins(api, ["tomas", "petra", "karin", "eva", "britt"]);
  });
  afterAll(() => api?.close());

  const download = (path: string, bearer?: string) =>
    fetch(new URL(path, api.url), { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  it("refuses four aliased pages of 100 cases with their attachments' bytes, by cost, before running it", async () => {
    await openCase(api, token.karin!, [file("a.log", text(600))]);
    const page = `supportCases(first: 100) { edges { node { id number attachments { id fileName contentBase64 } } } }`;
    const r = await api.gql(`{ ${[1, 2, 3, 4].map((i) => `a${i}: ${page}`).join(" ")} }`, {}, token.karin);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
    expect(r.errors?.[0]?.message).toMatch(/cost/i);
    expect(r.data).toBeUndefined();
  });

  it("serves the bytes to who may see the case, named by their detected type, as a download that is never rendered", async () => {
    const opened = (
      await openCase(api, token.britt!, [
        file("report.html", HTML),
        file("faktura.pdf", PNG),
        file("Skärmbild 1.PNG", PNG),
      ])
    ).supportCase!;
    const named = (fileName: string) => opened.attachments.find((a) => a.fileName === fileName)!;
    const [html, png, swedish] = [named("report.html"), named("faktura.pdf"), named("Skärmbild 1.PNG")];
    expect([html!.fileName, html!.downloadFileName, html!.contentType]).toEqual([
      "report.html",
      "report.txt",
      "text/plain",
    ]);
    expect([png!.downloadFileName, swedish!.downloadFileName]).toEqual(["faktura.png", "Skärmbild 1.png"]);

    const res = await download(html!.downloadUrl, token.britt);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="report.txt"; filename*=UTF-8''report.txt`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(HTML);

    const image = await download(png!.downloadUrl, token.tomas);
    expect([image.status, image.headers.get("content-type"), image.headers.get("content-disposition")]).toEqual([
      200,
      "image/png",
      `attachment; filename="faktura.png"; filename*=UTF-8''faktura.png`,
    ]);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);
    const unicode = await download(swedish!.downloadUrl, token.britt);
    expect(unicode.headers.get("content-disposition")).toBe(
      `attachment; filename="Sk_rmbild 1.png"; filename*=UTF-8''Sk%C3%A4rmbild%201.png`,
    );
  });

  it("streams a large attachment whole", async () => {
    const big = Buffer.alloc(690 * 1024, "B");
    const opened = (await openCase(api, token.karin!, [file("stor.log", big)])).supportCase!;
    const res = await download(opened.attachments[0]!.downloadUrl, token.karin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(big.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(big)).toBe(true);
  });

  it("answers another tenant's attachment exactly as a missing one: 404", async () => {
    const opened = (await openCase(api, token.britt!, [file("port.png", PNG)])).supportCase!;
    const url = opened.attachments[0]!.downloadUrl;
    const missing = url.replace(
      /[^/]+$/,
      Buffer.from("SupportCaseAttachment:00000000-0000-4000-8000-000000000000").toString("base64url"),
    );
    const answers = [];
    for (const [path, who] of [
      [url, "eva"],
      [url, "karin"],
      [url, "petra"],
      [missing, "britt"],
      [url.replace(/[^/]+$/, "not-an-id"), "britt"],
    ] as const) {
      const res = await download(path, token[who]);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      answers.push({ status: res.status, message: body.errors[0]!.message, code: body.errors[0]!.extensions.code });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("hides an internal note's attachment from the customer, and wants a token", async () => {
    const opened = (await openCase(api, token.eva!, [])).supportCase!;
    const note = (await reply(api, token.tomas!, opened.id, [file("intern.log", text(1))], true)).message!;
    expect((await download(note.attachments[0]!.downloadUrl, token.tomas)).status).toBe(200);
    expect((await download(note.attachments[0]!.downloadUrl, token.eva)).status).toBe(404);
    const anonymous = await download(note.attachments[0]!.downloadUrl);
    expect(anonymous.status).toBe(401);
    expect(
      ((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("UNAUTHENTICATED");
    expect((await download(note.attachments[0]!.downloadUrl, "tgs_not-a-session")).status).toBe(401);
  });

  it("keeps the deprecated contentBase64 for one attachment", async () => {
    const opened = (await openCase(api, token.britt!, [file("port.png", PNG)])).supportCase!;
    const r = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on SupportCaseAttachment { contentBase64 } } }`,
      { id: opened.attachments[0]!.id },
      token.britt,
    );
    expect(r.data.node.contentBase64).toBe(PNG.toString("base64"));
  });
});

describe("attachment quotas", () => {
  let api: TestApi;
  let token: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi({
      env: {
        ATTACHMENT_MAX_FILES_PER_CASE: 4,
        ATTACHMENT_MAX_MB_PER_CASE: 1,
        ATTACHMENT_MAX_FILES_PER_CUSTOMER: 6,
        ATTACHMENT_MAX_MB_PER_CUSTOMER: 2,
        ATTACHMENT_MAX_UPLOADS_PER_HOUR: 1000,
      },
    });
    token = await logins(api, ["tomas", "karin", "kalle", "eva", "bo", "britt"]);
  });
  afterAll(() => api?.close());

  it("refuses more files on one case than its quota, from any side, and writes nothing", async () => {
    const c = (
      await openCase(api, token.karin!, [file("1.log", text(1)), file("2.log", text(1)), file("3.log", text(1))])
    ).supportCase!;
    const over = await reply(api, token.tomas!, c.id, [file("4.log", text(1)), file("5.log", text(1))]);
    expect(over.message).toBeNull();
    expect(over.userErrors).toEqual([
      {
        code: "CASE_ATTACHMENT_QUOTA_REACHED",
        field: ["input", "attachments"],
        message: expect.stringMatching(/4 files/),
      },
    ]);
    const thread = await api.gql(
      `query($id: ID!) { node(id: $id) { ... on SupportCase { messages { id } } } }`,
      { id: c.id },
      token.karin,
    );
    expect(thread.data.node.messages).toEqual([]);
    expect((await reply(api, token.kalle!, c.id, [file("4.log", text(1))])).userErrors).toEqual([]);
  });

  it("refuses more bytes on one case than its quota", async () => {
    const c = (await openCase(api, token.eva!, [file("a.log", text(600))])).supportCase!;
    const over = await reply(api, token.eva!, c.id, [file("b.log", text(500))]);
    expect(over.userErrors.map((e) => e.code)).toEqual(["CASE_ATTACHMENT_QUOTA_REACHED"]);
    expect(over.userErrors[0]!.message).toMatch(/1 MB/);
    expect((await reply(api, token.eva!, c.id, [file("b.log", text(400))])).userErrors).toEqual([]);
  });

  it("refuses more than the customer's quota over its cases that are not closed, until one is closed", async () => {
    const first = (
      await openCase(api, token.bo!, [
        file("1.log", text(1)),
        file("2.log", text(1)),
        file("3.log", text(1)),
        file("4.log", text(1)),
      ])
    ).supportCase!;
    const second = (await openCase(api, token.bo!, [file("5.log", text(1)), file("6.log", text(1))])).supportCase!;
    const refused = await openCase(api, token.bo!, [file("7.log", text(1))]);
    expect(refused.supportCase).toBeNull();
    expect(refused.userErrors).toEqual([
      {
        code: "CUSTOMER_ATTACHMENT_QUOTA_REACHED",
        field: ["input", "attachments"],
        message: expect.stringMatching(/6 files/),
      },
    ]);
    expect((await reply(api, token.bo!, second.id, [file("7.log", text(1))])).userErrors.map((e) => e.code)).toEqual([
      "CUSTOMER_ATTACHMENT_QUOTA_REACHED",
    ]);
    expect(
      (await api.gql(STATUS, { i: { caseId: first.id, status: "CLOSED" } }, token.tomas)).data.setSupportCaseStatus
        .userErrors,
    ).toEqual([]);
    expect((await reply(api, token.bo!, second.id, [file("7.log", text(1))])).userErrors).toEqual([]);
  });

  it("counts the customer's bytes as well as its files", async () => {
    await openCase(api, token.britt!, [file("a.log", text(650))]);
    await openCase(api, token.britt!, [file("b.log", text(650))]);
    await openCase(api, token.britt!, [file("c.log", text(650))]);
    const refused = await openCase(api, token.britt!, [file("d.log", text(100))]);
    expect(refused.userErrors.map((e) => e.code)).toEqual(["CUSTOMER_ATTACHMENT_QUOTA_REACHED"]);
    expect(refused.userErrors[0]!.message).toMatch(/2 MB/);
    expect((await openCase(api, token.britt!, [])).userErrors).toEqual([]);
  });
});

describe("the upload rate limit", () => {
  let api: TestApi;
  let token: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi({ env: { ATTACHMENT_MAX_UPLOADS_PER_HOUR: 6 } });
    token = await logins(api, ["karin", "kalle", "hanna"]);
  });
  afterAll(() => api?.close());

  it("refuses a user's files over the hourly limit with a userError, not the next user's", async () => {
    const c = (
      await openCase(api, token.karin!, [
        file("1.log", text(1)),
        file("2.log", text(1)),
        file("3.log", text(1)),
        file("4.log", text(1)),
      ])
    ).supportCase!;
    expect((await reply(api, token.karin!, c.id, [file("5.log", text(1)), file("6.log", text(1))])).userErrors).toEqual(
      [],
    );
    const over = await reply(api, token.karin!, c.id, [file("7.log", text(1))]);
    expect(over.message).toBeNull();
    expect(over.userErrors).toEqual([
      {
        code: "TOO_MANY_UPLOADS",
        field: ["input", "attachments"],
        message: expect.stringMatching(/6 files an hour.*try again in \d+ minutes?/i),
      },
    ]);
    expect((await openCase(api, token.karin!, [file("8.log", text(1))])).userErrors.map((e) => e.code)).toEqual([
      "TOO_MANY_UPLOADS",
    ]);
    // A message without files is not an upload; another user has an hour of their own.
    expect((await reply(api, token.karin!, c.id, [])).userErrors).toEqual([]);
    expect((await reply(api, token.kalle!, c.id, [file("9.log", text(1))])).userErrors).toEqual([]);
    expect((await openCase(api, token.hanna!, [file("a.log", text(1))])).userErrors).toEqual([]);
  });
});

describe("a download while the database is away", () => {
  it("answers 503 SERVICE_UNAVAILABLE with Retry-After, in JSON, not an internal error", async () => {
    // Every statement is refused as by a database that is down.
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const statement: object = new Proxy(() => {}, {
      get: (_, key) => (key === "then" ? (_ok: unknown, fail: (e: unknown) => void) => fail(refused) : statement),
      apply: () => statement,
    });
    const database = {
      db: statement,
      kind: "postgres",
      migrate: async () => {},
      ping: async () => false,
      listen: async () => async () => {},
      close: async () => {},
    } as unknown as Database;
    const server = await startServer({
      database,
      logger: createLogger("silent"),
      port: 0,
      host: "127.0.0.1",
      env: {
        SESSION_TTL_HOURS: 12,
        AGREEMENT_EXPIRING_WINDOW_DAYS: 60,
        LOGIN_MAX_FAILURES_PER_ACCOUNT: 5,
        LOGIN_MAX_FAILURES_PER_ADDRESS: 20,
        LOGIN_FAILURE_WINDOW_SECONDS: 900,
        TRUST_PROXY: false,
      },
    });
    try {
      const res = await fetch(`${server.url}/support/attachments/anything`, {
        headers: { authorization: "Bearer tgs_whatever" },
      });
      expect([res.status, res.headers.get("retry-after"), res.headers.get("content-type")]).toEqual([
        503,
        "2",
        "application/json; charset=utf-8",
      ]);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
        "SERVICE_UNAVAILABLE",
      );
    } finally {
      await server.stop();
    }
  });
});
