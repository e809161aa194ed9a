/**
 * CSV for people who open it in Excel with Swedish settings: UTF-8 with a byte-order mark (or Excel
 * guesses the code page and breaks "å"), `;` between fields (Swedish Excel reads `,` as the decimal
 * sign) and CRLF line ends.
 */
const SEPARATOR = ";";
const BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

/** One field, quoted when needed; text that Excel would run as a formula is prefixed with `'`. */
export function csvCell(value: CsvCell): string {
  if (value == null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(SEPARATOR)}\r\n`;
}

/** One page of a Relay connection: its rows and where the next page starts (undefined when done). */
export interface CsvPage<Row> {
  rows: readonly Row[];
  next: string | undefined;
}

/**
 * A streamed CSV download: the header, then one page of the API at a time (`first: 100` + `after`)
 * so a long list neither waits for the whole list nor holds it in memory.
 */
export function csvResponse<Row>(options: {
  filename: string;
  header: readonly string[];
  fetchPage: (after: string | undefined) => Promise<CsvPage<Row>>;
  toCells: (row: Row) => readonly CsvCell[];
}): Response {
  const encoder = new TextEncoder();
  let after: string | undefined;
  let started = false;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(options.header)));
        return;
      }
      if (done) return controller.close();
      const page = await options.fetchPage(after);
      controller.enqueue(encoder.encode(page.rows.map((row) => csvLine(options.toCells(row))).join("")));
      after = page.next;
      if (!after) done = true;
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${options.filename}"`,
      "cache-control": "private, no-store",
    },
  });
}

/** The next page's cursor of a connection, or undefined after the last page. */
export function nextCursor(pageInfo: { hasNextPage: boolean; endCursor?: string | null }): string | undefined {
  return pageInfo.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : undefined;
}

/** "avtal-2026-11-25.csv": what the file is and when it was taken. */
export function csvFilename(what: string, today: string): string {
  return `${what}-${today}.csv`;
}
