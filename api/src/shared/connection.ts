import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { ClassType } from "type-graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { badInput } from "./errors.js";

const MAX_PAGE_SIZE = 100;
/**
 * How far a filtered keyset list counts (decision 0094): `totalCount` says this many and `totalCountCapped` is true
 * when the list holds more. Kept counts (an agreement list's whole size) are exact at any size.
 */
export const TOTAL_COUNT_CAP = 10_000;
const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Return the first n items after \`after\` (0 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the item to start after." })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Return the last n items before \`before\` (0 to ${MAX_PAGE_SIZE}).`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the item to end before." })
  before?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean, { description: "More items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "More items precede this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of this page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of this page." })
  endCursor!: string | null;
}

interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Null when the query did not ask for it (PageRequest.countTotal), so nothing reads it. */
  totalCount: number | null;
  /** The list holds more than TOTAL_COUNT_CAP and `totalCount` says TOTAL_COUNT_CAP. */
  totalCountCapped: boolean;
}

/** A page's arguments, and whether the query asks for the whole list's size: a count not asked for is not made. */
export type PageRequest = ConnectionArgs & { countTotal?: boolean };

/**
 * Whether the query selects the connection's `totalCount`, directly, in an inline fragment or a named one. A
 * selection under `@skip`/`@include` counts as asked: counting in vain is slower, never wrong.
 */
export function asksForTotalCount(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === "totalCount";
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return within(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((field) => within(field.selectionSet));
}

/** Makes the `XConnection` and `XEdge` types for one node type; every list uses this. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${what} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor of this item." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${what}s.` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: "The items of this page with their cursors." })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: "Where this page lies in the whole list." })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: `How many items the whole list holds, across all pages. Lists of support cases, visits, audit events, e-mails and action items past their end date, and filtered lists of agreements, count no further than ${TOTAL_COUNT_CAP.toLocaleString("en")}: see \`totalCountCapped\`.`,
    })
    totalCount!: number;

    @Field(() => Boolean, {
      description: `True when the list holds more than ${TOTAL_COUNT_CAP.toLocaleString("en")} items and \`totalCount\` says ${TOTAL_COUNT_CAP.toLocaleString("en")}; page with the cursors to read them all.`,
    })
    totalCountCapped!: boolean;
  }
  return ConnectionClass;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

function decodeCursor(cursor: string, arg: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const m = /^o:(\d{1,9})$/.exec(text);
  if (!m) throw badInput(`\`${arg}\` is not a cursor of this list.`, arg);
  return Number(m[1]);
}

function checkSize(n: number | null | undefined, arg: string): void {
  if (n == null) return;
  if (n < 0 || n > MAX_PAGE_SIZE) {
    throw badInput(
      `\`${arg}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${n}. Page through longer lists with \`after\`.`,
      arg,
    );
  }
}

/** The window a connection's arguments ask for, checked before any query runs. */
function pageWindow(args: ConnectionArgs): { offset: number; limit: number; fromEnd: boolean; before: number | null } {
  checkSize(args.first, "first");
  checkSize(args.last, "last");
  const after = args.after ? decodeCursor(args.after, "after") : -1;
  const before = args.before ? decodeCursor(args.before, "before") : null;
  if (args.last != null && args.first == null) {
    return { offset: after + 1, limit: args.last, fromEnd: true, before };
  }
  return { offset: after + 1, limit: args.first ?? DEFAULT_PAGE_SIZE, fromEnd: false, before };
}

/**
 * Offset cursors over a stable order (see docs/decisions/0001-offset-cursors.md). `fetch` gets an
 * offset and a limit; `count` the size of the whole list, asked only when the query selects `totalCount` or the page
 * is the list's last (`last` without `before`): otherwise one row more than the page tells whether the list goes on.
 */
export async function paginate<Row, T>(
  args: PageRequest,
  count: () => Promise<number>,
  fetch: (offset: number, limit: number) => Promise<Row[]>,
  toNode: (row: Row) => T,
): Promise<Connection<T>> {
  const w = pageWindow(args);
  if (args.countTotal === false && w.before !== null) return uncounted(w, w.before, fetch, toNode);
  if (args.countTotal === false && !w.fromEnd) return uncounted(w, Infinity, fetch, toNode);
  const totalCount = await count();
  let start = w.offset;
  let end = Math.min(totalCount, w.before ?? totalCount);
  if (w.fromEnd) start = Math.max(start, end - w.limit);
  else end = Math.min(end, start + w.limit);
  const rows = end > start ? await fetch(start, end - start) : [];
  return connectionOf(start, rows, totalCount, toNode);
}

/** A page's rows and the size of the whole list, read in one statement (a count subquery beside the page). */
export interface CountedRows<Row> {
  rows: Row[];
  /** The whole list's size; unknown when the page came back empty (or the list does not count as it reads). */
  totalCount: number | null;
  /** The list's counts (this one and `count`'s) stop one past TOTAL_COUNT_CAP (`boundedCount`). */
  bounded?: boolean;
}

/**
 * What each part of a list's sort key holds, so a cursor's values are checked before they reach SQL:
 * a forged cursor answers BAD_USER_INPUT, never a database error. `timestamp?` may be null.
 */
export type KeyPart = "date" | "integer" | "text" | "timestamp" | "timestamp?" | "uuid";
export type KeyValue = string | null;

/** The slice of a keyset list one page reads; the list's query turns it into a condition on its sort key. */
export interface KeysetWindow {
  /** Only rows whose key sorts after this one (in the list's order). */
  after: KeyValue[] | null;
  /** Only rows whose key sorts before this one. */
  before: KeyValue[] | null;
  /** Read from the end of the window, the list's order reversed; the helper puts the page back in order. */
  backwards: boolean;
  /** Rows to read: the page and one more, which tells whether the list goes on. */
  limit: number;
  /** Whether to count the whole list beside the page (the query asked for totalCount). */
  counting: boolean;
}

export interface SortKey<Row> {
  parts: readonly KeyPart[];
  /** The row's sort key, unique within the list (end with a unique column). */
  of: (row: Row) => KeyValue[];
}

const DATE = /^(\d{4}-\d{2}-\d{2}|infinity)$/;
// As keysetOrder writes them: UTC to the microsecond, which a JavaScript Date would round to the millisecond.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z|infinity)$/;
// PostgreSQL's integer: a longer run of digits would fail its cast instead of finding no row.
const INTEGER = /^-?\d{1,9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A day and time that exist: Date.parse takes 2026-02-30 for 2 March and 24:00 for the next midnight, which
 * PostgreSQL refuses (an error, not an empty page), and there is no year 0.
 */
function onCalendar(v: string): boolean {
  const ms = Date.parse(v);
  return (
    !Number.isNaN(ms) &&
    !v.startsWith("0000") &&
    new Date(ms).toISOString().slice(0, 19) === `${v}T00:00:00`.slice(0, 19)
  );
}

function validKeyValue(part: KeyPart, v: unknown): boolean {
  if (v === null) return part === "timestamp?";
  if (typeof v !== "string" || v.length > 200) return false;
  // PostgreSQL's text cannot hold NUL: the query would fail instead of finding no row.
  if (part === "text") return !v.includes("\u0000");
  if (part === "date") return DATE.test(v) && (v === "infinity" || onCalendar(v));
  if (part === "uuid") return UUID.test(v);
  if (part === "integer") return INTEGER.test(v);
  return TIMESTAMP.test(v) && (v === "infinity" || onCalendar(v));
}

function encodeKey(key: KeyValue[]): string {
  return Buffer.from(`k:${JSON.stringify(key)}`).toString("base64url");
}

function decodeKey(cursor: string, arg: string, parts: readonly KeyPart[]): KeyValue[] {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (/^o:\d+$/.test(text)) {
    throw badInput(
      `\`${arg}\` is an offset cursor from before this list moved to keyset cursors; read the list again from its first page.`,
      arg,
    );
  }
  let key: unknown;
  try {
    key = text.startsWith("k:") ? JSON.parse(text.slice(2)) : null;
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== parts.length || !key.every((v, i) => validKeyValue(parts[i]!, v)))
    throw badInput(`\`${arg}\` is not a cursor of this list.`, arg);
  return key as KeyValue[];
}

/**
 * Keyset cursors (decision 0076): a cursor holds the sort key of its row, and a page reads the rows
 * after (or before) it straight from an index, so a page deep in the list costs what the first does.
 * A row changed or removed meanwhile moves no other row across a page boundary: nothing is skipped
 * or repeated, as an offset would. `fetch` reads `limit` rows of the window (counting the whole
 * list as it goes, or not); `count` is asked only when it did not.
 */
export async function paginateKeyset<Row, T>(
  args: PageRequest,
  key: SortKey<Row>,
  count: () => Promise<number>,
  fetch: (window: KeysetWindow) => Promise<CountedRows<Row>>,
  toNode: (row: Row) => T,
): Promise<Connection<T>> {
  checkSize(args.first, "first");
  checkSize(args.last, "last");
  const after = args.after ? decodeKey(args.after, "after", key.parts) : null;
  const before = args.before ? decodeKey(args.before, "before", key.parts) : null;
  const backwards = args.last != null && args.first == null;
  const size = backwards ? args.last! : (args.first ?? DEFAULT_PAGE_SIZE);
  const counting = args.countTotal !== false;
  const read = await fetch({ after, before, backwards, limit: size + 1, counting });
  const more = read.rows.length > size;
  const rows = read.rows.slice(0, size);
  if (backwards) rows.reverse();
  const edges = rows.map((row) => ({ cursor: encodeKey(key.of(row)), node: toNode(row) }));
  // A bounded count answers one past the cap when the list is longer (`boundedCount`); a kept one, exactly.
  const total = counting ? (read.totalCount ?? (await count())) : null;
  const capped = total !== null && !!read.bounded && total > TOTAL_COUNT_CAP;
  return {
    edges,
    totalCount: capped ? TOTAL_COUNT_CAP : total,
    totalCountCapped: capped,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: backwards ? before != null : more,
      hasPreviousPage: backwards ? more : after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  };
}

/** A page of an offset list read without its size: `end` is where the page must stop (`before`, else nowhere). */
async function uncounted<Row, T>(
  w: ReturnType<typeof pageWindow>,
  end: number,
  fetch: (offset: number, limit: number) => Promise<Row[]>,
  toNode: (row: Row) => T,
): Promise<Connection<T>> {
  const start = w.fromEnd ? Math.max(w.offset, end - w.limit) : w.offset;
  const size = Math.max(0, Math.min(w.limit, end - start));
  const read = await fetch(start, size + 1);
  const c = connectionOf(start, read.slice(0, size), 0, toNode);
  c.pageInfo.hasNextPage = read.length > size;
  return { ...c, totalCount: null };
}

function connectionOf<Row, T>(start: number, rows: Row[], totalCount: number, toNode: (row: Row) => T): Connection<T> {
  const edges = rows.map((row, i) => ({ cursor: encodeCursor(start + i), node: toNode(row) }));
  return {
    edges,
    totalCount,
    totalCountCapped: false,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: start + rows.length < totalCount,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  };
}

/** The same page with each node mapped, e.g. from a database row to its GraphQL type. */
export function mapNodes<Row, T>(c: Connection<Row>, map: (row: Row) => T): Connection<T> {
  return { ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })) };
}
