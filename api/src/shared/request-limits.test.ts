import { parse, print, specifiedRules, validate, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import * as partnerSync from "../../../examples/partner-sync/src/graphql/graphql.js";
import * as portal from "../../../portal/app/graphql/graphql.js";
import { schema } from "../schema.js";
import { MAX_TOKENS, requestLimits } from "./request-limits.js";

/** The documents a client of ours sends: every `…Document` its generated module exports. */
const documentsOf = (generated: Record<string, unknown>) =>
  Object.entries(generated)
    .filter(([name]) => name.endsWith("Document"))
    // The portal's are parsed documents; the partner example's are their text (codegen's string documents).
    .map(([name, d]): [string, string] => [
      name,
      typeof d === "object" && d && "kind" in d ? print(d as DocumentNode) : String(d),
    ]);

describe("the request limits (issue 23's dashboards, and every page)", () => {
  it("refuse no document the portal or the partner example sends", async () => {
    const rules = [...specifiedRules, ...(requestLimits().validationRules ?? [])];
    const refused: string[] = [];
    const documents = [...documentsOf(portal), ...documentsOf(partnerSync)];
    expect(documents.length).toBeGreaterThan(100);
    for (const [name, document] of documents) {
      try {
        const errors = validate(await schema(), parse(document, { maxTokens: MAX_TOKENS }), rules);
        refused.push(...errors.map((e) => `${name}: ${e.message}`));
      } catch (e) {
        refused.push(`${name}: ${(e as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("do refuse a document past them", async () => {
    const rules = [...specifiedRules, ...(requestLimits().validationRules ?? [])];
    const includes = Array.from({ length: 21 }, (_, i) => `t${i}: __typename @include(if: true)`).join(" ");
    expect(validate(await schema(), parse(`{ ${includes} }`), rules).map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Directives limit of 20 exceeded/)]),
    );
  });
});
