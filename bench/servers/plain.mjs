// The floor: node:http, one SQL statement that builds the JSON in PostgreSQL, the body passed through.
import http from "node:http";
import pg from "pg";
import { PLAIN_SQL } from "../queries.mjs";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const partnerId = process.env.BENCH_PARTNER_ID;

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") return void res.end("ok");
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const { rows } = await pool.query(PLAIN_SQL, [partnerId, Math.min(100, Number(variables?.first ?? 50))]);
      res.writeHead(200, { "content-type": "application/json" }).end(rows[0].body);
    } catch (e) {
      res
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ errors: [{ message: String(e) }] }));
    }
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
