import { readFile } from "node:fs/promises";
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { schema, schemaSdl } from "./schema.js";

describe("the GraphQL schema", () => {
  it("matches the committed schema/schema.graphql", async () => {
    const committed = await readFile(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(committed, "run `npm run schema:emit` and commit").toBe(await schemaSdl());
  });

  it("prints Query and Mutation first, then every type by name, whatever order the modules load in", async () => {
    const names = [...(await schemaSdl()).matchAll(/^(?:type|enum|interface|input|scalar|union) (\w+)/gm)].map(
      (m) => m[1]!,
    );
    const others = names.slice(2);
    expect(names.slice(0, 2)).toEqual(["Query", "Mutation"]);
    expect(others).toEqual([...others].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("describes every type, field and argument, so the SDL is the partners' reference", async () => {
    const missing: string[] = [];
    for (const type of Object.values((await schema()).getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type))
        for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  // Types marked `simpleResolvers` read their fields as plain properties, without type-graphql's
  // per-field wrapper; that wrapper is also what runs @Authorized and middlewares on a field.
  it("checks @Authorized and middlewares on every field that has them: none is read as a plain property", async () => {
    const built = await schema();
    const storage = getMetadataStorage();
    const unguarded: string[] = [];
    const guarded = [...storage.authorizedFields, ...storage.middlewares.filter((m) => m.fieldName)];
    for (const { target, fieldName } of guarded) {
      for (const objectType of storage.objectTypes.filter((o) => o.target === target)) {
        const type = built.getType(objectType.name);
        const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
        if (field && !field.resolve) unguarded.push(`${objectType.name}.${fieldName}`);
      }
    }
    const guardedTypes = storage.authorizedResolver.map((a) => a.target);
    for (const objectType of storage.objectTypes.filter((o) => guardedTypes.includes(o.target))) {
      const type = built.getType(objectType.name);
      if (isObjectType(type))
        for (const field of Object.values(type.getFields()))
          if (!field.resolve) unguarded.push(`${objectType.name}.${field.name}`);
    }
    expect(unguarded).toEqual([]);
  });
});
