import { describe, expect, it } from "vitest";
import { csvCell, csvResponse, type CsvPage } from "./csv.server";

describe("a CSV cell for Swedish Excel", () => {
  it("quotes separators, quotes and line breaks, and defuses formulas", () => {
    expect(csvCell("Brf Kastanjen")).toBe("Brf Kastanjen");
    expect(csvCell("A;B")).toBe('"A;B"');
    expect(csvCell('Säg "hej"')).toBe('"Säg ""hej"""');
    expect(csvCell("rad 1\nrad 2")).toBe('"rad 1\nrad 2"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-35)).toBe("-35");
    expect(csvCell(null)).toBe("");
  });
});

describe("a streamed CSV download", () => {
  it("asks the API page after page until the last, behind a BOM and the header", async () => {
    const pages: Record<string, CsvPage<number>> = {
      start: { rows: [1, 2], next: "c2" },
      c2: { rows: [3, 4], next: "c4" },
      c4: { rows: [5], next: undefined },
    };
    const asked: (string | undefined)[] = [];
    const response = csvResponse({
      filename: "avtal-2026-11-25.csv",
      header: ["Nummer", "Dubbelt"],
      fetchPage: async (after) => {
        asked.push(after);
        return pages[after ?? "start"]!;
      },
      toCells: (n) => [n, n * 2],
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="avtal-2026-11-25.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe("Nummer;Dubbelt\r\n1;2\r\n2;4\r\n3;6\r\n4;8\r\n5;10\r\n");
    expect(asked).toEqual([undefined, "c2", "c4"]);
  });
});
