// The scale bench's staff lists (issue 23), each at its first page, at a page deep in the list and at its last page:
// the agreement list sorted by end date as a seller and the support queue's overdue view as support staff. The deep
// page starts after the cursor of a row in the list's middle, found by paging through the list as a client does (100
// at a time), so the cursor is the API's own and stays opaque to the bench. api/bench/explain-views.ts explains the
// same documents.

export const AGREEMENTS_BY_END = `query($after: String) { agreements(first: 20, after: $after) { totalCount edges { node { id number status endsOn customer { name } } } } }`;
export const OVERDUE = `query($after: String) { supportCases(first: 20, after: $after, filter: { deadline: OVERDUE }) { edges { node { id number subject } } } }`;

/** The list's last page: `last: n`, which the keyset reads backwards from the list's end. */
export const lastOf = (query) =>
  query.replace(/\(first: (\d+), after: \$after/, "(last: $1").replace("query($after: String) ", "");

async function post(url, token, query, variables) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (json.errors) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data;
}

/** The cursor of the row in the middle of `field`'s list as `token` sees it, and how many rows it leaves behind. */
export async function middleOf(url, token, field, filter = "") {
  const walk = `query($after: String) { ${field}(first: 100, after: $after${filter}) { pageInfo { hasNextPage endCursor } edges { cursor } } }`;
  const cursors = [];
  let after = null;
  for (;;) {
    const { pageInfo, edges } = (await post(url, token, walk, { after }))[field];
    cursors.push(...edges.map((e) => e.cursor));
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  const depth = Math.floor(cursors.length / 2);
  return { after: cursors[depth - 1] ?? null, depth };
}

/** The rows of both lists, first, deep and last, as [page label, query, variables, token]. */
export async function listRows(url, { seller, support }) {
  const sellerMiddle = await middleOf(url, seller, "agreements");
  const overdueMiddle = await middleOf(url, support, "supportCases", ", filter: { deadline: OVERDUE }");
  const deep = (m) => `deep (after ${m.depth.toLocaleString("en")} rows)`;
  return [
    ["agreements by end date, seller, first", AGREEMENTS_BY_END, {}, seller],
    [`agreements by end date, seller, ${deep(sellerMiddle)}`, AGREEMENTS_BY_END, { after: sellerMiddle.after }, seller],
    ["agreements by end date, seller, last", lastOf(AGREEMENTS_BY_END), {}, seller],
    ["support queue, overdue, support staff, first", OVERDUE, {}, support],
    [`support queue, overdue, support staff, ${deep(overdueMiddle)}`, OVERDUE, { after: overdueMiddle.after }, support],
    ["support queue, overdue, support staff, last", lastOf(OVERDUE), {}, support],
  ];
}
