// PostGraphile 5 with the amber preset over the same tables, no authentication.
// PostGraphile declares Node >= 22; on Node 20 the one missing piece it uses is Promise.withResolvers.
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };
}
const { createServer } = await import("node:http");
const { postgraphile } = await import("postgraphile");
const { PostGraphileAmberPreset } = await import("postgraphile/presets/amber");
const { makePgService } = await import("postgraphile/adaptors/pg");
const { grafserv } = await import("postgraphile/grafserv/node");
const { jsonPgSmartTags } = await import("postgraphile/utils");

// The table of visit check kinds and the enum of the same name would both be `VisitCheckKind`;
// PostGraphile refuses to build a schema with two. The bench does not query either.
const names = jsonPgSmartTags({
  version: 1,
  config: { class: { visit_check_kinds: { tags: { name: "visit_check_kind_rows" } } } },
});

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  plugins: [names],
  pgServices: [
    makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"], poolConfig: { max: 10 } }),
  ],
  grafserv: { graphqlPath: "/graphql", watch: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => {
  console.error(e);
  process.exit(1);
});
serv.addTo(server);
server.listen(Number(process.env.PORT), "127.0.0.1");
