import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layout walk checks colour contrast at 390 px over the whole page and at 1280 px only in the main menu
 * (decision 0132). That is sound only while no style changes a colour by width: this holds the portal's styles to it.
 * A pseudo-element's colour (the stacked tables' `td::before` labels) is allowed, since axe does not check them.
 */
const dir = fileURLToPath(new URL(".", import.meta.url));
const COLOUR = /(?:^|[;{\s])(color|background(?:-color|-image)?|opacity|filter|border-color)\s*:/;

/** Each rule inside a width media query, as [file, media, selector, body]. */
function rulesByWidth(): [string, string, string, string][] {
  const found: [string, string, string, string][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".css"))) {
    const css = readFileSync(`${dir}${file}`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const media of css.matchAll(/@media([^{]*)\{/g)) {
      if (!/width/.test(media[1]!)) continue;
      let depth = 1;
      let i = media.index! + media[0].length;
      const start = i;
      for (; depth > 0 && i < css.length; i++) depth += css[i] === "{" ? 1 : css[i] === "}" ? -1 : 0;
      for (const rule of css.slice(start, i).matchAll(/([^{}]+)\{([^{}]*)\}/g))
        found.push([file, media[1]!.trim(), rule[1]!.trim(), rule[2]!]);
    }
  }
  return found;
}

describe("the portal's styles (decision 0132)", () => {
  it("change no colour by width, but on pseudo-elements", () => {
    const rules = rulesByWidth();
    expect(rules.length).toBeGreaterThan(10);
    const colouring = rules
      .filter(
        ([, , selector, body]) => COLOUR.test(body) && !selector.split(",").every((s) => /::?(before|after)\b/.test(s)),
      )
      .map(([file, media, selector]) => `${file} @media ${media}: ${selector}`);
    expect(colouring).toEqual([]);
  });
});
