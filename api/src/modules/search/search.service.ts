import { desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agreements, organisations, properties } from "../../db/schema/index.js";
import { agreementScope, organisationScope, propertyScope } from "../../shared/scope.js";
import type { OrganisationKind, Viewer } from "../../shared/viewer.js";
import { resultCountOf, searchQueryOf } from "./search-query.js";

/** What a search finds; the GraphQL enum is made from this list. */
export const SEARCH_HIT_KINDS = ["AGREEMENT", "ORGANISATION", "PROPERTY"] as const;
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number];

export interface SearchHit {
  kind: SearchHitKind;
  /** Database id of the thing found. */
  id: string;
  title: string;
  subtitle: string;
  organisationKind: OrganisationKind | null;
  /** 0–1; 1 for an exact or prefix match. */
  score: number;
}

/**
 * How close a text is to the query: trigram word similarity (typos, missing endings) on the same
 * folded form the GIN indexes of migration 0004 hold, raised to 1 for a prefix and 0.9 for a
 * substring, so that "0012" finds TA-2026-0012 first.
 */
function closeness(folded: SQLWrapper, q: string): SQL<number> {
  const pattern = likePattern(q);
  return sql<number>`greatest(
    word_similarity(search_fold(${q}), ${folded}),
    case when ${folded} like search_fold(${pattern.prefix}) escape '\\' then 1.0
         when ${folded} like search_fold(${pattern.anywhere}) escape '\\' then 0.9 else 0 end
  )::float8`;
}

/** The matching side of `closeness`, in the forms the trigram indexes can answer. */
function matches(folded: SQLWrapper, q: string): SQL {
  return sql`(search_fold(${q}) <% ${folded} or ${folded} like search_fold(${likePattern(q).anywhere}) escape '\\')`;
}

/** The best `closeness` a text can have: it starts with the query. */
function startsWith(folded: SQLWrapper, q: string): SQL {
  return sql`${folded} like search_fold(${likePattern(q).prefix}) escape '\\'`;
}

/**
 * How many matches of one way of finding are ranked. A vague query ("brf", a number's common start) matches most of a
 * vendor's rows; ranking them all made a search's cost grow with the tables (issue 23). Each way takes the texts that
 * start with the query (score 1, always the best) and any other matches up to this many, then ranks those: the cost is
 * bounded, and what a query this vague misses past the cap is a close match among hundreds, never one that starts
 * with the query. When even those are more than the cap, the first of them in the order the hits are shown in are
 * taken (`order`): the answer's top is then the one ranking them all would give, with the exact name first ("Brf
 * Lönnen" before "Brf Lönnen 001"), not an arbitrary two hundred. Sorting ids by one column costs little beside
 * scoring each match.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * The ids of `table` found by `match` within `scope`: those starting with the query (the first by `order`, the hits'
 * own tie-break), then any, each capped.
 */
function candidates(
  id: SQLWrapper,
  table: SQLWrapper,
  scope: SQL | undefined,
  ways: { prefix: SQL; match: SQL; order: SQLWrapper },
): SQL {
  const within = scope ?? sql`true`;
  // The prefix matches are found first (the trigram index) and only then sorted: asked for the first few by name at
  // once, the planner walks the name's index through the whole table when nothing matches (scale-views.test.ts).
  return sql`(with prefixed as materialized (select ${id} as id, ${ways.order} as key from ${table} where ${within} and ${ways.prefix})
      select id from prefixed order by key limit ${SEARCH_CANDIDATES})
    union (select ${id} from ${table} where ${within} and ${ways.match} limit ${SEARCH_CANDIDATES})`;
}

function likePattern(q: string) {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return { prefix: `${escaped}%`, anywhere: `%${escaped}%` };
}

const foldedOrganisationName = sql`search_fold(${organisations.name})`;
const organisationDigits = sql`replace(${organisations.organisationNumber}, '-', '')`;
const foldedPropertyName = sql`search_fold(${properties.name})`;
const foldedPropertyAddress = sql`search_fold(${properties.streetAddress} || ' ' || ${properties.postalCode} || ' ' || ${properties.city})`;
const agreementNumber = sql`lower(${agreements.number})`;

/**
 * Below the default 0.6 a one-letter typo in a short word ("vastkist") is lost; below 0.4 unrelated
 * names start to match. Set per transaction so the `<%` operator, which the indexes serve, uses it.
 */
const WORD_SIMILARITY_THRESHOLD = "0.45";

type Row = Omit<SearchHit, "kind" | "organisationKind"> & { organisationKind?: OrganisationKind };

/**
 * By number, or by the customer's name; found through the customer, it ranks just below the customer itself. The
 * two ways are two sets, each found by its own index (the numbers' trigrams; the names' trigrams, then the customers'
 * agreements), each within the viewer's scope: one condition over both sides of the join has no index, and read
 * every agreement the viewer may see (issue 23).
 */
function agreementHits(tx: Tx, viewer: Viewer, q: string, limit: number): Promise<Row[]> {
  const score = sql<number>`greatest(${closeness(agreementNumber, q)}, 0.95 * ${closeness(foldedOrganisationName, q)})::float8`;
  const scope = agreementScope(viewer) ?? sql`true`;
  const customers = (match: SQL) => sql`${agreements.customerId} in (select ${organisations.id} from ${organisations}
    where ${match})`;
  const found = sql`(${candidates(agreements.id, agreements, scope, {
    prefix: startsWith(agreementNumber, q),
    match: matches(agreementNumber, q),
    order: agreements.number,
  })}
    union ${candidates(agreements.id, agreements, scope, {
      prefix: customers(startsWith(foldedOrganisationName, q)),
      match: customers(matches(foldedOrganisationName, q)),
      order: agreements.number,
    })})`;
  return tx
    .select({ id: agreements.id, title: agreements.number, subtitle: organisations.name, score })
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.customerId))
    .where(sql`${agreements.id} in ${found}`)
    .orderBy(desc(score), agreements.number)
    .limit(limit);
}

/** By name, or by organisation number when the query is digits (a dash or spaces allowed). */
function organisationHits(tx: Tx, viewer: Viewer, q: string, limit: number): Promise<Row[]> {
  const digits = q.replace(/[\s-]/g, "");
  const byNumber = /^\d+$/.test(digits);
  const numberScore = byNumber
    ? sql`case when ${organisationDigits} like ${`${digits}%`} then 1.0 when ${organisationDigits} like ${`%${digits}%`} then 0.9 else 0 end`
    : sql`0`;
  const score = sql<number>`greatest(${closeness(foldedOrganisationName, q)}, ${numberScore})::float8`;
  const match = byNumber
    ? sql`(${matches(foldedOrganisationName, q)} or ${organisationDigits} like ${`%${digits}%`})`
    : matches(foldedOrganisationName, q);
  const prefix = byNumber
    ? sql`(${startsWith(foldedOrganisationName, q)} or ${organisationDigits} like ${`${digits}%`})`
    : startsWith(foldedOrganisationName, q);
  const found = candidates(organisations.id, organisations, organisationScope(viewer), {
    prefix,
    match,
    order: organisations.name,
  });
  return tx
    .select({
      id: organisations.id,
      title: organisations.name,
      subtitle: organisations.organisationNumber,
      organisationKind: organisations.kind,
      score,
    })
    .from(organisations)
    .where(sql`${organisations.id} in (${found})`)
    .orderBy(desc(score), organisations.name)
    .limit(limit);
}

/** By name or address (street, postal code and city). */
function propertyHits(tx: Tx, viewer: Viewer, q: string, limit: number): Promise<Row[]> {
  const score = sql<number>`greatest(${closeness(foldedPropertyName, q)}, ${closeness(foldedPropertyAddress, q)})::float8`;
  return tx
    .select({
      id: properties.id,
      title: properties.name,
      subtitle: sql<string>`${properties.streetAddress} || ', ' || ${properties.postalCode} || ' ' || ${properties.city}`,
      score,
    })
    .from(properties)
    .where(
      sql`${properties.id} in (${candidates(properties.id, properties, propertyScope(viewer), {
        prefix: sql`(${startsWith(foldedPropertyName, q)} or ${startsWith(foldedPropertyAddress, q)})`,
        match: sql`(${matches(foldedPropertyName, q)} or ${matches(foldedPropertyAddress, q)})`,
        order: properties.name,
      })})`,
    )
    .orderBy(desc(score), properties.name)
    .limit(limit);
}

/**
 * Agreements by number or customer name, organisations by name or organisation number, properties
 * by name or address: only what the viewer may see (scope.ts), best matches first.
 */
export async function search(
  db: Db,
  viewer: Viewer,
  input: { query: string; first?: number | null },
): Promise<SearchHit[]> {
  const q = searchQueryOf(input.query);
  const limit = resultCountOf(input.first);
  const [found, organisationsFound, propertiesFound] = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true)`);
    // One after the other: a transaction is one connection, and PGlite runs one statement at a time anyway.
    return [
      await agreementHits(tx, viewer, q, limit),
      await organisationHits(tx, viewer, q, limit),
      await propertyHits(tx, viewer, q, limit),
    ];
  });
  const hit =
    (kind: SearchHitKind) =>
    (r: Row): SearchHit => ({ ...r, kind, organisationKind: r.organisationKind ?? null, score: Number(r.score) });
  return [
    ...found.map(hit("AGREEMENT")),
    ...organisationsFound.map(hit("ORGANISATION")),
    ...propertiesFound.map(hit("PROPERTY")),
  ]
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, "sv"))
    .slice(0, limit);
}
