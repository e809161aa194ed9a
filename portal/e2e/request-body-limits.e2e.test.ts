import http from "node:http";
import { request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_PASSWORD, portalUrl } from "./support";

const MB = 1024 * 1024;

interface Sent {
  /** 0 when no answer came while the client waited. */
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Body bytes written before the answer came. */
  bytesSent: number;
  /** From the request's start to the answer's end. */
  ms: number;
  /** Whether the portal said "100 Continue". */
  continued: boolean;
}

interface Post {
  /** Body bytes to send: then the client stops sending, without ending the body, and waits. */
  send: number;
  /** The Content-Length to declare; without it the body goes chunked and the portal must count. */
  declared?: number;
  expectContinue?: boolean;
  cookie?: string;
}

/**
 * Posts a multipart body to the portal 64 KB at a time, as a hostile client would, and stops
 * sending once the portal answers or `send` bytes have gone. A client that has stopped gets an
 * answer only from a portal that refuses without waiting for the rest; after 3 s it gives up.
 */
function post(path: string, options: Post): Promise<Sent> {
  const url = new URL(path, portalUrl());
  const boundary = "----trygg-e2e-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\nbritt@brfkastanjen.demo\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  const headers: http.OutgoingHttpHeaders = {
    "Content-Type": `multipart/form-data; boundary=${boundary}`,
    Origin: url.origin,
  };
  if (options.declared !== undefined) headers["Content-Length"] = String(options.declared);
  if (options.expectContinue) headers.Expect = "100-continue";
  if (options.cookie) headers.Cookie = options.cookie;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    let continued = false;
    const req = http.request(url, { method: "POST", headers, agent: false });
    const giveUp = setTimeout(() => {
      answered = true;
      req.destroy();
      resolve({ status: 0, body: "", headers: {}, bytesSent, ms: Date.now() - started, continued });
    }, 3_000);
    const pump = () => {
      while (!answered && bytesSent < options.send) {
        const part = bytesSent === 0 ? head : chunk.subarray(0, Math.min(chunk.length, options.send - bytesSent));
        bytesSent += part.length;
        if (!req.write(part)) return req.once("drain", pump);
      }
    };
    req.on("continue", () => {
      continued = true;
      pump();
    });
    req.on("response", (res) => {
      answered = true;
      const sentAtAnswer = bytesSent;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        clearTimeout(giveUp);
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(parts).toString("utf8"),
          headers: res.headers,
          bytesSent: sentAtAnswer,
          ms: Date.now() - started,
          continued,
        });
        req.destroy();
      });
    });
    // Writing on after the portal has closed the connection fails; the answer is what counts.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (options.expectContinue) req.flushHeaders();
    else pump();
  });
}

/** The session cookie of a demo user, logged in over HTTP. */
async function sessionCookie(email: string): Promise<string> {
  const api = await request.newContext({ baseURL: portalUrl(), maxRedirects: 0 });
  try {
    const login = await api.post("/login", { form: { email, password: DEMO_PASSWORD, redirectTo: "/" } });
    const match = /trygg_session=[^;]*/.exec(login.headers()["set-cookie"] ?? "");
    if (!match) throw new Error("no session cookie after log-in");
    return match[0];
  } finally {
    await api.dispose();
  }
}

describe("request bodies the portal will read", () => {
  it("refuses 64 MB declared to /login at once, before reading it, with a short plain 413", async () => {
    const sent = await post("/login", { declared: 64 * MB, send: 64 * 1024 });
    expect(sent.status).toBe(413);
    expect(sent.headers["content-type"]).toMatch(/^text\/plain/);
    expect(sent.body).toMatch(/högst 1 MB/);
    expect(sent.body.length).toBeLessThan(300);
    expect(sent.body).not.toMatch(/at .+\.(js|mjs|ts):\d+/);
    expect(sent.ms).toBeLessThan(1_000);
  });

  it("refuses 64 MB before the client sends any when the client asks first (Expect: 100-continue)", async () => {
    const sent = await post("/login", { declared: 64 * MB, send: 64 * MB, expectContinue: true });
    expect(sent.status).toBe(413);
    expect(sent.continued).toBe(false);
    expect(sent.bytesSent).toBe(0);
  });

  it("counts a chunked body without a length and refuses it as soon as it passes 1 MB", async () => {
    const sent = await post("/login", { send: MB + 128 * 1024 });
    expect(sent.status).toBe(413);
    expect(sent.body).toMatch(/högst 1 MB/);
    expect(sent.ms).toBeLessThan(1_000);
  });

  it("keeps answering the log-in page within a second while 64 MB bodies pour in", async () => {
    const hostile = Array.from({ length: 4 }, (_, i) =>
      post("/login", { send: 64 * MB, declared: i % 2 === 0 ? undefined : 64 * MB }),
    );
    const started = Date.now();
    const page = await fetch(new URL("/login", portalUrl()));
    expect(page.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    for (const sent of await Promise.all(hostile)) expect(sent.status).toBe(413);
  });

  it("lets a support case's attachments through up to the form's own limit, where the page says what is too big", async () => {
    const cookie = await sessionCookie(DEMO.britt.email);
    const api = await request.newContext({
      baseURL: portalUrl(),
      maxRedirects: 0,
      extraHTTPHeaders: { Cookie: cookie },
    });
    try {
      // 1.5 MB: over the 1 MB of other forms, within the support forms' limit. The page reads it and
      // answers in words that the attachments may be 700 KB together.
      const tooBig = await api.post("/support?index", {
        multipart: {
          intent: "open",
          severity: "PARTIAL",
          category: "TECHNICAL",
          subject: "E2E för stor bilaga",
          description: "Loggen är för stor.",
          attachments: { name: "stor.log", mimeType: "text/plain", buffer: Buffer.alloc(1.5 * MB, 0x41) },
        },
      });
      expect(tooBig.status()).toBe(200);
      expect(await tooBig.text()).toContain("högst 700 KB tillsammans");

      // Within the 700 KB, the case is opened with its attachment, byte for byte.
      const log = Buffer.from(Array.from({ length: 600 * 1024 }, (_, i) => 32 + (i % 90)));
      const opened = await api.post("/support?index", {
        multipart: {
          intent: "open",
          severity: "PARTIAL",
          category: "TECHNICAL",
          subject: `E2E bilaga ${Date.now()}`,
          description: "Loggen bifogad.",
          attachments: { name: "dorr.log", mimeType: "text/plain", buffer: log },
        },
      });
      expect(opened.status()).toBe(200);
      const receipt = await opened.text();
      const caseHref = /href="(\/support\/[^"]+)"/.exec(
        receipt.slice(receipt.indexOf('data-testid="case-receipt"')),
      )?.[1];
      expect(caseHref).toBeDefined();
      const casePage = await (await api.get(caseHref!)).text();
      const download = /href="(\/support\/attachment\/[^"]+)"/.exec(casePage)?.[1];
      expect(download).toBeDefined();
      const file = await api.get(download!.replace(/&amp;/g, "&"));
      expect(file.status()).toBe(200);
      expect(Buffer.compare(await file.body(), log)).toBe(0);
    } finally {
      await api.dispose();
    }
  });

  it("refuses a support form beyond its own 4 MB, declared or counted", async () => {
    const cookie = await sessionCookie(DEMO.britt.email);
    const declared = await post("/support?index", { declared: 64 * MB, send: 64 * 1024, cookie });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatch(/högst 4 MB/);
    const counted = await post("/support?index", { send: 4 * MB + 128 * 1024, cookie });
    expect(counted.status).toBe(413);
    expect(counted.body).toMatch(/högst 4 MB/);
  });
});
