import http from "node:http";
import type { AddressInfo } from "node:net";

interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
  at: number;
}

/**
 * A real HTTP receiver on 127.0.0.1 for the webhook tests. By path: `/ok` answers 200; `/flaky` 500 the first time
 * and 200 after; `/down` always 500 with a 10 KB body; `/slow` answers after 5 s; `/refuse-N` answers 500 to its
 * first N requests.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const seen = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const n = (seen.get(path) ?? 0) + 1;
      seen.set(path, n);
      const refuse = /^\/refuse-(\d+)/.exec(path);
      let status = 200;
      let body = "ok";
      if (path.startsWith("/flaky") && n === 1) [status, body] = [500, "boom"];
      if (path.startsWith("/down")) [status, body] = [500, "x".repeat(10_000)];
      if (refuse && n <= Number(refuse[1])) [status, body] = [500, "not now"];
      const answer = () => {
        received.push({
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          status,
          at: Date.now(),
        });
        res.writeHead(status, { "content-type": "text/plain" }).end(body);
      };
      if (path.startsWith("/slow")) setTimeout(answer, 5_000).unref();
      else answer();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
