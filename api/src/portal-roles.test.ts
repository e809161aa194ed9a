import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The portal shows and hides by role lists of its own (portal/app/lib/roles.ts), because a page must
 * know before it asks. Each is the namesake of the API's list for the same rule; this holds the two
 * to one fact, so a rule changed here cannot leave the portal offering what the API then refuses.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const portalRoles = path.resolve(root, "../../portal/app/lib/roles.ts");

async function apiRoleLists(): Promise<Map<string, readonly string[]>> {
  const files = [
    path.join(root, "shared/viewer.ts"),
    ...readdirSync(path.join(root, "modules"), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".roles.ts"))
      .map((e) => path.join(e.parentPath, e.name)),
  ];
  const lists = new Map<string, readonly string[]>();
  for (const file of files) {
    for (const [name, value] of Object.entries(await import(pathToFileURL(file).href))) {
      if (Array.isArray(value) && value.every((v) => typeof v === "string")) lists.set(name, value);
    }
  }
  return lists;
}

describe("the portal's role lists", () => {
  it("each has the API's namesake, with the same roles", async () => {
    const api = await apiRoleLists();
    const portal = Object.entries(await import(pathToFileURL(portalRoles).href)).filter(([, v]) => Array.isArray(v));
    expect(portal.length).toBeGreaterThan(10);
    const differing = portal.flatMap(([name, roles]) => {
      const theirs = api.get(name);
      if (!theirs) return [`${name}: no list of that name in the API`];
      const mine = [...(roles as string[])].sort();
      return mine.join() === [...theirs].sort().join() ? [] : [`${name}: portal ${mine} but API ${[...theirs].sort()}`];
    });
    expect(differing).toEqual([]);
  });
});
