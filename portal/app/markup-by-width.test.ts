import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layout walk checks colour contrast over the whole page only at 390 px (decision 0132), which is sound only
 * while the markup is the same at every width: styles may rearrange it, no script may choose it by the window's
 * size. This holds the portal's code to that; styles/colour-by-width.test.ts holds its styles.
 */
const app = fileURLToPath(new URL(".", import.meta.url));
const READS_WIDTH =
  /\b(matchMedia|innerWidth|outerWidth|innerHeight|visualViewport|ResizeObserver|useMediaQuery|screen\.(?:width|availWidth))\b/;

/** The portal's own sources, tests left out. */
const sources = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

describe("the portal's code (decision 0132)", () => {
  it("reads no window size to choose its markup", () => {
    const files = sources(app);
    expect(files.length).toBeGreaterThan(50);
    const reading = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => [line, i] as const)
        .filter(([line]) => READS_WIDTH.test(line))
        .map(([line, i]) => `${path.relative(app, file)}:${i + 1}: ${line.trim()}`),
    );
    expect(reading).toEqual([]);
  });
});
