import { readFile } from "node:fs/promises";
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema, schemaSdl } from "./schema.js";

describe("the GraphQL schema", () => {
  it("matches the committed schema/schema.graphql", async () => {
    const committed = await readFile(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(committed, "run `npm run schema:emit` and commit").toBe(await schemaSdl());
  });

  it("describes every type, field and argument, so the SDL is the partners' reference", async () => {
    const missing: string[] = [];
    for (const type of Object.values((await schema()).getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
