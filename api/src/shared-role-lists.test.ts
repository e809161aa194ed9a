import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as shared from "@trygg/roles";
import { describe, expect, it } from "vitest";

/*
 * The portal shows and hides by the role lists of @trygg/roles (decision 0107), so each of them must be
 * the very list the API refuses by: a module that defined its own list under a shared name, or a shared
 * list no module reads, would let a page offer what the API then refuses.
 */
const root = path.dirname(fileURLToPath(import.meta.url));

async function apiRoleLists(): Promise<Map<string, unknown>> {
  const files = [
    path.join(root, "shared/viewer.ts"),
    ...readdirSync(path.join(root, "modules"), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".roles.ts"))
      .map((e) => path.join(e.parentPath, e.name)),
  ];
  const lists = new Map<string, unknown>();
  for (const file of files) {
    for (const [name, value] of Object.entries(await import(pathToFileURL(file).href))) {
      if (Array.isArray(value)) lists.set(name, value);
    }
  }
  return lists;
}

describe("the role lists shared with the portal", () => {
  it("are the lists the API's modules refuse by, not copies of them", async () => {
    const api = await apiRoleLists();
    const lists = Object.entries(shared).filter(([name, v]) => Array.isArray(v) && name !== "ROLES");
    expect(lists.length).toBeGreaterThan(10);
    const wrong = lists.flatMap(([name, list]) => {
      if (!api.has(name)) return [`${name}: no module's *.roles.ts reads it`];
      return api.get(name) === list ? [] : [`${name}: a module defines a list of its own under this name`];
    });
    expect(wrong).toEqual([]);
  });
});
