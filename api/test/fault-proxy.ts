import net from "node:net";

/**
 * A TCP hop between the API and PostgreSQL that a test can break on purpose: cut every open
 * connection (as a crashed server or a dropped network does), refuse new ones (nothing listens),
 * or swallow them (a host that never answers, so the driver's connect timeout fires).
 */
export interface FaultProxy {
  /** The database URL through the proxy. */
  url: string;
  cut(): void;
  refuse(): Promise<void>;
  swallow(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(databaseUrl: string): Promise<FaultProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let swallowing = false;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (swallowing) return;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  const cut = () => {
    for (const s of sockets) s.destroy();
  };
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  return {
    url: url.toString(),
    cut,
    async refuse() {
      const closed = stopListening();
      cut();
      await closed;
    },
    swallow() {
      swallowing = true;
      cut();
    },
    async restore() {
      swallowing = false;
      if (!server.listening) await listen(port);
    },
    async close() {
      const closed = stopListening();
      cut();
      await closed;
    },
  };
}
